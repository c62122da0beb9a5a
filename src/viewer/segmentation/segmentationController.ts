import { eventTarget, type Types } from '@cornerstonejs/core';
import { Enums as ToolEnums, ToolGroupManager, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { Vec3 } from '../../geometry/vec3';
import type { SeriesNode } from '../../dicom/types';
import type { SliceAxis } from '../../segment/core';
import { createSegmentClient, type SegmentClient } from '../../segment/worker/segmentClient';
import { useMeasurementStore } from '../../state/measurementStore';
import { defaultTolerance, useSegmentationStore, type SegmentationResult, type Tolerance } from '../../state/segmentationStore';
import { findSeries, useViewerStore } from '../../state/viewerStore';
import { viewportOfSlot } from '../displayControls';
import { viewportIdForSlot } from '../renderingEngine';
import { configureTool } from '../toolGroup';
import { growOptions } from './growOptions';
import { createEmptyLesion, lesionForNewSegmentation } from './lesionChoice';
import { persistLater, savedSegmentationFor, forgetSaved } from './segmentationSaving';
import { showLabelmapIn, showLabelmapWhereSeriesIs } from './representation';
import { SeriesSegmentation } from './seriesSegmentation';
import { nearestVoxel } from './volumeGridOf';

const sessions = new Map<string, SeriesSegmentation>();
const creating = new Map<string, Promise<SeriesSegmentation>>();
let client: SegmentClient | null = null;
let nextId = 1;

const segmentClient = (): SegmentClient => (client ??= createSegmentClient());
const store = () => useSegmentationStore.getState();
export const studyUidOf = (series: SeriesNode): string => series.frames[0]?.instance.studyInstanceUid ?? '';
const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function sessionFor(seriesKey: string): SeriesSegmentation | undefined {
  return sessions.get(seriesKey);
}

function seriesOfSlot(slot: number): SeriesNode | undefined {
  const { slots, patients } = useViewerStore.getState();
  return findSeries(patients, slots[slot]?.seriesKey ?? null);
}

/** The segmentation of a series, created (and filled from storage when saved) on first use. */
async function ensureSession(series: SeriesNode): Promise<SeriesSegmentation> {
  // Volumes need one orientation, evenly spaced slices and no gaps: elsewhere mL would be wrong.
  if (!series.geometry?.isVolume) {
    throw new Error(`this series is not a regular volume, so a volume in mL would be wrong${series.warnings.length ? ` (${series.warnings.join('; ')})` : ''}`);
  }
  const existing = sessions.get(series.key);
  if (existing) return existing;
  const pending = creating.get(series.key);
  if (pending) return pending;
  const made = (async () => {
    const saved = await savedSegmentationFor(series);
    const session = await SeriesSegmentation.create(series, `spinelens-seg-${nextId++}`);
    sessions.set(series.key, session);
    const empty: SegmentationResult = { voxelCount: 0, voxelVolumeMm3: 0, volumeMl: 0, longestDiameterMm: 0, perpendicularDiameterMm: 0 };
    store().putView({
      segmentationId: session.segmentationId,
      seriesKey: series.key,
      seriesLabel: `${series.modality} ${series.description}`.trim(),
      studyInstanceUid: studyUidOf(series),
      modality: series.modality,
      lesionId: saved?.lesionId ?? lesionForNewSegmentation(studyUidOf(series)),
      tolerance: defaultTolerance(series.modality),
      result: empty,
      lastGrow: null,
      hasSeed: false,
      canUndo: false,
      canRedo: false,
    });
    showLabelmapWhereSeriesIs(series.key, session.segmentationId);
    if (saved && saved.rle.length === session.labelmap.length) {
      session.restore(saved.rle);
      refresh(session, false);
    }
    return session;
  })();
  creating.set(series.key, made);
  try {
    return await made;
  } finally {
    creating.delete(series.key);
  }
}

/** Recomputes the numbers after an edit, publishes them (panel, lesion summary) and saves the labelmap. */
function refresh(session: SeriesSegmentation, save = true): void {
  const key = session.series.key;
  const s = session.stats();
  const shown = store().views[key];
  if (shown && s.voxelCount > 0 && !useMeasurementStore.getState().state.lesions.some((l) => l.id === shown.lesionId)) {
    store().patchView(key, { lesionId: lesionForNewSegmentation(shown.studyInstanceUid) });
  }
  const view = store().views[key];
  if (!view) return;
  const result: SegmentationResult = {
    voxelCount: s.voxelCount,
    voxelVolumeMm3: s.voxelCount > 0 ? s.volumeMm3 / s.voxelCount : 0,
    volumeMl: s.volumeMl,
    longestDiameterMm: s.longestDiameter3d,
    perpendicularDiameterMm: s.perpendicularDiameter,
  };
  store().patchView(key, { result, canUndo: session.history.canUndo, canRedo: session.history.canRedo, hasSeed: session.lastSeed !== null });
  const measurements = useMeasurementStore.getState();
  if (s.voxelCount > 0) {
    measurements.upsertSegmentationSummary({
      lesionId: view.lesionId,
      studyInstanceUid: view.studyInstanceUid,
      seriesKey: key,
      volumeMm3: s.volumeMm3,
      voxelCount: s.voxelCount,
      voxelVolumeMm3: result.voxelVolumeMm3,
      longestDiameterMm: s.longestDiameter3d,
      perpendicularDiameterMm: s.perpendicularDiameter,
    });
  } else {
    measurements.removeSegmentationSummary(view.lesionId, key);
  }
  if (save) persistLater(session, view.lesionId);
}

async function run(task: () => Promise<void>): Promise<void> {
  store().setBusy(true);
  store().setMessage(null);
  try {
    await task();
  } catch (e) {
    store().setMessage(`Segmentation failed: ${describe(e)}`);
  } finally {
    store().setBusy(false);
  }
}

/** Starts (or shows) the segmentation of the series in the active viewport. */
export function startForActiveSlot(): Promise<void> {
  const series = seriesOfSlot(useViewerStore.getState().activeSlot);
  if (!series) {
    store().setMessage('Show a series in the active viewport first.');
    return Promise.resolve();
  }
  return run(async () => {
    await ensureSession(series);
  });
}

let growing: Promise<void> = Promise.resolve();

/** Seed click: grows a region from the clicked voxel and adds it to the series' segmentation. */
export function growAt(world: Types.Point3, viewport: Types.IViewport): Promise<void> {
  const slots = useViewerStore.getState().slots;
  const slot = slots.findIndex((_, n) => viewportIdForSlot(n) === viewport.id);
  const series = slot >= 0 ? seriesOfSlot(slot) : undefined;
  if (!series) return Promise.resolve();
  useViewerStore.getState().setActiveSlot(slot);
  return queueGrow(series, world as unknown as Vec3, false);
}

function queueGrow(series: SeriesNode, world: Vec3 | null, replaceLast: boolean): Promise<void> {
  growing = growing.then(() =>
    run(async () => {
      const session = await ensureSession(series);
      const seed = world ? nearestVoxel(session.grid, world) : session.lastSeed;
      if (!seed) {
        if (world) store().setMessage('The click is outside the volume.');
        return;
      }
      const view = store().views[series.key]!;
      const outcome = await session.grow(segmentClient(), seed, growOptions(view.tolerance, session.volume.scalars, session.grid, seed), replaceLast);
      store().patchView(series.key, { lastGrow: { range: outcome.range, ms: outcome.ms } });
      if (outcome.voxelCount > 0) setThresholdRange(outcome.range);
      if (outcome.voxelCount === 0) store().setMessage('Nothing grew from that point.');
      refresh(session);
    }),
  );
  return growing;
}

/** A new tolerance re-runs the last grow (replacing its region). */
export function setTolerance(seriesKey: string, tolerance: Tolerance): Promise<void> {
  store().patchView(seriesKey, { tolerance });
  const session = sessions.get(seriesKey);
  if (!session?.lastSeed) return Promise.resolve();
  return queueGrow(session.series, null, true);
}

function edit(seriesKey: string, change: (s: SeriesSegmentation) => void): void {
  const session = sessions.get(seriesKey);
  if (!session) return;
  change(session);
  refresh(session);
}

export const undo = (seriesKey: string): void => edit(seriesKey, (s) => s.undo());
export const redo = (seriesKey: string): void => edit(seriesKey, (s) => s.redo());

const activeSeriesKey = (): string | null => {
  const { slots, activeSlot } = useViewerStore.getState();
  return slots[activeSlot]?.seriesKey ?? null;
};
/** Ctrl+Z / Ctrl+Y while the segmentation panel is open: the segmentation of the active viewport's series. */
export function undoSegmentationOfActiveSlot(): void {
  const key = activeSeriesKey();
  if (key) undo(key);
}
export function redoSegmentationOfActiveSlot(): void {
  const key = activeSeriesKey();
  if (key) redo(key);
}
export const clearSegmentation = (seriesKey: string): void => edit(seriesKey, (s) => s.clear());

/** Interpolates across the slices of the active viewport's plane (the ones the user painted on). */
export function interpolate(seriesKey: string): void {
  edit(seriesKey, (session) => {
    const added = session.interpolate(paintedAxis(session));
    store().setMessage(added > 0 ? null : 'Nothing to interpolate: paint at least two slices with a gap between them.');
  });
}

function paintedAxis(session: SeriesSegmentation): SliceAxis {
  const normal = viewportOfSlot(useViewerStore.getState().activeSlot)?.getCamera().viewPlaneNormal;
  if (!normal) return 2;
  const dots = session.grid.direction.map((axis) => Math.abs(axis[0] * normal[0] + axis[1] * normal[1] + axis[2] * normal[2]));
  return dots.indexOf(Math.max(...dots)) as SliceAxis;
}

/**
 * Before a lesion is deleted: its segmentations are emptied and their saved labelmaps forgotten, and
 * each segmentation moves to a lesion that still exists, so no volume is left behind for a lesion
 * that is gone.
 */
export function forgetSegmentationsOfLesion(lesionId: string): void {
  for (const view of Object.values(store().views)) {
    if (view.lesionId !== lesionId) continue;
    const session = sessions.get(view.seriesKey);
    if (!session) continue;
    session.clear();
    forgetSaved(session.series, lesionId);
    useMeasurementStore.getState().removeSegmentationSummary(lesionId, view.seriesKey);
    const others = useMeasurementStore.getState().state.lesions.filter((l) => l.id !== lesionId);
    // With no other lesion the empty view keeps the deleted id (an undo brings the lesion back); the next grow re-homes it.
    store().patchView(view.seriesKey, { lesionId: others[0]?.id ?? lesionId });
    refresh(session, false);
  }
}

/**
 * Deleting a lesion that can be undone: its segmentations are emptied and their saved records deleted
 * (forgetSegmentationsOfLesion); the function returned puts the voxels, the lesion link, the summaries and
 * the saved records back. Call it once the lesion is back in the measurement store.
 */
export function detachSegmentationsOfLesion(lesionId: string): () => void {
  const kept = Object.values(store().views)
    .filter((view) => view.lesionId === lesionId)
    .flatMap((view) => {
      const session = sessions.get(view.seriesKey);
      return session ? [{ session, rle: session.toRle() }] : [];
    });
  forgetSegmentationsOfLesion(lesionId);
  return () => {
    for (const { session, rle } of kept) {
      store().patchView(session.series.key, { lesionId });
      session.restore(rle);
      refresh(session);
    }
  };
}

/** Moves the segmentation to another lesion (or a new one with lesionId null). */
export function setLesion(seriesKey: string, lesionId: string | null): void {
  const view = store().views[seriesKey];
  const session = sessions.get(seriesKey);
  if (!view || !session) return;
  const target = lesionId ?? createEmptyLesion();
  if (target === view.lesionId) return;
  useMeasurementStore.getState().removeSegmentationSummary(view.lesionId, seriesKey);
  forgetSaved(session.series, view.lesionId);
  store().patchView(seriesKey, { lesionId: target });
  refresh(session);
}

export function setBrushSize(mm: number): void {
  store().setBrushSize(mm);
  applyBrushSize(mm);
}

/** The value range the threshold brush paints (ordered low → high). */
export function setThresholdRange(range: readonly [number, number]): void {
  const ordered: [number, number] = [Math.min(range[0], range[1]), Math.max(range[0], range[1])];
  store().setThresholdRange(ordered);
  applyThresholdRange(ordered);
}

export function applyThresholdRange(range: readonly [number, number]): void {
  configureTool('ThresholdBrush', { threshold: { isDynamic: false, range: [range[0], range[1]] } });
}

/** Brush and eraser radius (mm) in every tool group. */
export function applyBrushSize(mm: number): void {
  for (const group of ToolGroupManager.getAllToolGroups()) toolUtilities.segmentation.setBrushSizeForToolGroup(group.id, mm);
}

/** After a viewport shows a series: draw its segmentation there, or bring a saved one back. */
export function showOrRestoreSegmentation(viewportId: string, series: SeriesNode): void {
  const session = sessions.get(series.key);
  if (session) {
    showLabelmapIn(viewportId, session.segmentationId);
    return;
  }
  void savedSegmentationFor(series).then((saved) => {
    if (saved && !sessions.has(series.key)) void run(async () => void (await ensureSession(series)));
  });
}

/** Brush and eraser strokes arrive as data-modified events: taken in as one undo step once the button is up. */
export function onLabelmapModified(segmentationId: string): void {
  const session = [...sessions.values()].find((s) => s.segmentationId === segmentationId);
  if (session) pendingSync.add(session);
  scheduleSync();
}
const pendingSync = new Set<SeriesSegmentation>();
let syncTimer: ReturnType<typeof setTimeout> | undefined;
let pointerDown = false;

function scheduleSync(): void {
  clearTimeout(syncTimer);
  if (pointerDown || pendingSync.size === 0) return;
  syncTimer = setTimeout(() => {
    for (const session of pendingSync) if (session.syncFromImages()) refresh(session);
    pendingSync.clear();
  }, 100);
}

export function listenForLabelmapEdits(): () => void {
  const listener = (evt: Event) => {
    const id = (evt as CustomEvent<{ segmentationId?: string }>).detail?.segmentationId;
    if (id) onLabelmapModified(id);
  };
  const down = () => {
    pointerDown = true;
    clearTimeout(syncTimer);
  };
  const up = () => {
    pointerDown = false;
    scheduleSync();
  };
  eventTarget.addEventListener(ToolEnums.Events.SEGMENTATION_DATA_MODIFIED, listener);
  window.addEventListener('pointerdown', down, true);
  window.addEventListener('pointerup', up, true);
  return () => {
    eventTarget.removeEventListener(ToolEnums.Events.SEGMENTATION_DATA_MODIFIED, listener);
    window.removeEventListener('pointerdown', down, true);
    window.removeEventListener('pointerup', up, true);
  };
}
