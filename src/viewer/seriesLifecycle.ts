import { cache } from '@cornerstonejs/core';
import { Enums as MetadataEnums, metaData as cachedMetadata } from '@cornerstonejs/metadata';
import type { SeriesNode } from '../dicom/types';
import { allSeries, SLOT_COUNT, useViewerStore, type ViewerState } from '../state/viewerStore';
import { volumeIdFor } from './displaySeries';
import { forgetInstances, imageIdsForSeries, unloadFileBytes } from './imageRegistry';
import { releaseStaleGraphicsResources } from './graphicsResourceSweep';
import { forgetEditHistory } from './undoHistory';
import { removeVolume } from './volumeRelease';

/**
 * Why a series leaves memory: its study was closed (its files go too), or no viewport has shown it for
 * IDLE_RELEASE_MS (its files stay, so it is rebuilt when shown again).
 */
export type ReleaseReason = 'closed' | 'idle';

/** A feature's disposal of what it holds for a series (a segmentation session, drawings); may finish saving first. */
export type SeriesReleaser = (series: SeriesNode, reason: ReleaseReason) => void | Promise<void>;

/** Long enough that flipping between series in a viewport keeps them warm; short enough that a big series does not linger. */
export const IDLE_RELEASE_MS = 5000;

const releasers = new Set<SeriesReleaser>();
const idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Series this module has seen shown and not yet released: only these are worth releasing. */
const held = new Map<string, SeriesNode>();
let releasing: Promise<void> = Promise.resolve();

/** Features register here what they dispose when a series is released; the function returned unregisters. */
export function onSeriesReleased(releaser: SeriesReleaser): () => void {
  releasers.add(releaser);
  return () => releasers.delete(releaser);
}

function shownKeys(state: Pick<ViewerState, 'slots' | 'layout'>): Set<string> {
  return new Set(state.slots.slice(0, SLOT_COUNT[state.layout]).flatMap((s) => (s.seriesKey ? [s.seriesKey] : [])));
}

/** The features' parts first (they may still read the volume to save), then the volume and images leave Cornerstone's cache. */
async function release(series: SeriesNode, reason: ReleaseReason): Promise<void> {
  // Shown again while an earlier release was queued: keep it whole (features included), still held for later.
  if (reason === 'idle' && shownKeys(useViewerStore.getState()).has(series.key)) return;
  held.delete(series.key);
  for (const releaser of releasers) {
    try {
      await releaser(series, reason);
    } catch (e) {
      console.warn(`Releasing ${series.description || series.key} from memory:`, e);
    }
  }
  // A viewport that showed a closed series lets go of it when React commits; the volume leaves after that.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Shown again while the features were saving: keep its images.
  if (reason === 'idle' && shownKeys(useViewerStore.getState()).has(series.key)) return;
  const volumeId = volumeIdFor(series);
  removeVolume(volumeId);
  // A key also disappears when a later import splits its series (uid → uid|main): files still in a series stay.
  const present = reason === 'closed' ? new Set(allSeries(useViewerStore.getState().patients).flatMap((s) => s.frames.map((f) => f.instance.sopInstanceUid))) : new Set<string>();
  const leaving = series.frames.filter((f) => !present.has(f.instance.sopInstanceUid));
  const imageIds = safeImageIds({ ...series, frames: leaving });
  for (const imageId of imageIds) if (cache.getImageLoadObject(imageId)) cache.removeImageLoadObject(imageId, { force: true });
  releaseStaleGraphicsResources();
  if (reason === 'idle') {
    // The files stay (the series is rebuilt from them when shown again); their parsed bytes go, unless a shown series shares them.
    const shown = allSeries(useViewerStore.getState().patients).filter((s) => shownKeys(useViewerStore.getState()).has(s.key));
    const inUse = new Set(shown.flatMap((s) => s.frames.map((f) => f.instance.sopInstanceUid)));
    unloadFileBytes(series.frames.map((f) => f.instance).filter((i) => !inUse.has(i.sopInstanceUid)));
    return;
  }
  forgetEditHistory();
  // Cornerstone's metadata layer caches every module per image id; a closed file's ids never come back.
  for (const imageId of imageIds) for (const type of Object.values(MetadataEnums.MetadataModules)) cachedMetadata.clearQuery(type, imageId);
  forgetInstances(leaving.map((f) => f.instance));
}

function safeImageIds(series: SeriesNode): string[] {
  try {
    return imageIdsForSeries(series);
  } catch {
    return []; // never registered (e.g. refused by the decoder check): nothing cached
  }
}

/** Queued one after another, so a reopened study never races the release of its earlier copy. */
function queueRelease(series: SeriesNode, reason: ReleaseReason): Promise<void> {
  releasing = releasing.then(() => release(series, reason));
  return releasing;
}

/** Resolves once every release asked for so far is done (tests, and the close action's caller). */
export const releasesSettled = (): Promise<void> => releasing;

function onViewerChange(state: ViewerState, prev: ViewerState): void {
  if (state.patients !== prev.patients) {
    const now = new Set(allSeries(state.patients).map((s) => s.key));
    for (const series of allSeries(prev.patients)) {
      if (now.has(series.key)) continue;
      clearTimeout(idleTimers.get(series.key));
      idleTimers.delete(series.key);
      void queueRelease(series, 'closed');
    }
  }
  if (state.slots === prev.slots && state.layout === prev.layout && state.patients === prev.patients) return;
  const shown = shownKeys(state);
  for (const key of shown) {
    clearTimeout(idleTimers.get(key));
    idleTimers.delete(key);
    const series = allSeries(state.patients).find((s) => s.key === key);
    if (series) held.set(key, series);
  }
  for (const [key, series] of held) {
    if (shown.has(key) || idleTimers.has(key) || !allSeries(state.patients).some((s) => s.key === key)) continue;
    idleTimers.set(
      key,
      setTimeout(() => {
        idleTimers.delete(key);
        if (!shownKeys(useViewerStore.getState()).has(key)) void queueRelease(series, 'idle');
      }, IDLE_RELEASE_MS),
    );
  }
}

/** Watches the viewer store: a closed study's series are released at once, a series no viewport shows after a delay. */
export function startSeriesLifecycle(): () => void {
  return useViewerStore.subscribe(onViewerChange);
}
