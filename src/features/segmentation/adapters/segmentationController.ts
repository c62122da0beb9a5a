import { eventTarget, type Types } from '@cornerstonejs/core';
import { Enums as ToolEnums, ToolGroupManager, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { Vec3 } from '../../../geometry/vec3';
import type { SeriesNode } from '../../../dicom/types';
import type { SliceAxis } from '../../../segment/core';
import { createSegmentClient, type SegmentClient } from '../worker/segmentClient';
import { useMeasurementStore } from '../../../state/measurementStore';
import { lesionSummary } from '../../../lesions';
import { lineGuide, otherTimepointVolume, plausibilityFlags, type AdaptiveGrowOptions } from '../../../segment/core';
import { EDGE_LEVELS, useSegmentationStore, type SegmentationResult, type SegmentView } from '../segmentationStore';
import { findSeries, useViewerStore } from '../../../state/viewerStore';
import { viewportOfSlot } from '../../../viewer/displayControls';
import { viewportIdForSlot } from '../../../viewer/renderingEngine';
import { configureTool } from '../../../viewer/toolGroup';
import { createEmptyLesion, lesionForNewSegmentation } from './lesionChoice';
import { persistLater, savedSegmentationsFor, forgetSaved } from './segmentationSaving';
import { setActiveLabelmapSegment, showLabelmapIn, showLabelmapWhereSeriesIs } from './representation';
import { SeriesSegmentation } from './seriesSegmentation';

const sessions = new Map<string, SeriesSegmentation>();
const creating = new Map<string, Promise<SeriesSegmentation>>();
let client: SegmentClient | null = null;
let nextId = 1;
/** A leak stops at this fraction of the volume instead of filling it (and is flagged). */
const GROWTH_CAP = 0.25;

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

const EMPTY_RESULT: SegmentationResult = { voxelCount: 0, voxelVolumeMm3: 0, volumeMl: 0, longestDiameterMm: 0, perpendicularDiameterMm: 0 };

function newSegment(label: number, lesionId: string): SegmentView {
  return { label, lesionId, result: EMPTY_RESULT, method: 'grow', flags: [], lastGrow: null };
}

/** The segmentation of a series, created (and filled from storage when saved) on first use. */
async function ensureSession(series: SeriesNode): Promise<SeriesSegmentation> {
  // Volumes need one orientation and evenly spaced slices (a gap splits the series, a tilt shears the grid): checked on loading.
  if (!series.geometry || series.frames.length < 3) {
    throw new Error(`this series is not a stack of slices in one orientation, so a volume in mL would be wrong${series.warnings.length ? ` (${series.warnings.join('; ')})` : ''}`);
  }
  const existing = sessions.get(series.key);
  if (existing) return existing;
  const pending = creating.get(series.key);
  if (pending) return pending;
  const made = (async () => {
    const saved = await savedSegmentationsFor(series);
    const session = await SeriesSegmentation.create(series, `spinelens-seg-${nextId++}`);
    sessions.set(series.key, session);
    const restored = saved.filter((r) => r.rle.length === session.labelmap.length).slice(0, 254);
    const segments = restored.length ? restored.map((r, n) => newSegment(n + 1, r.lesionId)) : [newSegment(1, lesionForNewSegmentation(studyUidOf(series)))];
    store().putView({
      segmentationId: session.segmentationId,
      seriesKey: series.key,
      seriesLabel: `${series.modality} ${series.description}`.trim(),
      seriesDescription: series.description,
      studyInstanceUid: studyUidOf(series),
      modality: series.modality,
      segments,
      activeLabel: 1,
      edgeLevel: EDGE_LEVELS.default,
      hasSeed: false,
      canUndo: false,
      canRedo: false,
    });
    showLabelmapWhereSeriesIs(series.key, session.segmentationId);
    if (restored.length) {
      restored.forEach((r, n) => session.restore(r.rle, n + 1));
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

/** What the last grow of each segment reported (kept for the plausibility rules after later edits). */
const growReports = new Map<string, { truncated: boolean; touchesLimit: boolean; reachesGap: string | null }>();
const reportKey = (seriesKey: string, label: number): string => `${seriesKey}\u0001${label}`;

/** The same lesion's trusted volume at the study before this one (else after it), in the patient's date order. */
function otherTimepoint(lesionId: string, studyInstanceUid: string): { ml: number; later: boolean } | null {
  const studies = useViewerStore.getState().patients.find((p) => p.studies.some((st) => st.studyInstanceUid === studyInstanceUid))?.studies ?? [];
  const summaries = useMeasurementStore.getState().state.segmentationSummaries;
  return otherTimepointVolume(summaries, studies.map((st) => st.studyInstanceUid), lesionId, studyInstanceUid);
}

/** Recomputes the numbers and flags of every segment after an edit, publishes them (panel, lesion summaries) and saves. */
function refresh(session: SeriesSegmentation, save = true): void {
  const key = session.series.key;
  const view = store().views[key];
  if (!view) return;
  const measurements = useMeasurementStore.getState();
  const segments = view.segments.map((segment): SegmentView => {
    const s = session.stats(segment.label);
    if (s.voxelCount > 0 && !measurements.state.lesions.some((l) => l.id === segment.lesionId)) {
      segment = { ...segment, lesionId: lesionForNewSegmentation(view.studyInstanceUid) };
    }
    const result: SegmentationResult = {
      voxelCount: s.voxelCount,
      voxelVolumeMm3: s.voxelCount > 0 ? s.volumeMm3 / s.voxelCount : 0,
      volumeMl: s.volumeMl,
      longestDiameterMm: s.longestDiameter3d,
      perpendicularDiameterMm: s.perpendicularDiameter,
    };
    const report = growReports.get(reportKey(key, segment.label));
    const other = s.voxelCount > 0 ? otherTimepoint(segment.lesionId, view.studyInstanceUid) : null;
    const flags =
      s.voxelCount > 0
        ? plausibilityFlags({
            voxelCount: s.voxelCount,
            volumeMl: s.volumeMl,
            truncated: report?.truncated ?? false,
            reachesFieldOfView: report?.touchesLimit ?? false,
            reachesGap: report?.reachesGap ?? null,
            ellipsoidMl: lesionSummary(measurements.state, segment.lesionId, view.studyInstanceUid).ellipsoidVolumeMl,
            otherTimepointMl: other?.ml ?? null,
            otherIsLater: other?.later ?? false,
            method: segment.method,
          })
        : [];
    // A confirmation holds for the volume the reader saw.
    const confirmedAt = segment.confirmedAt && segment.result.voxelCount === s.voxelCount && flags.length ? segment.confirmedAt : undefined;
    return { ...segment, result, flags, confirmedAt };
  });
  store().patchView(key, { segments, canUndo: session.history.canUndo, canRedo: session.history.canRedo, hasSeed: session.lastSeed !== null });
  for (const segment of segments) {
    if (segment.result.voxelCount > 0) {
      measurements.upsertSegmentationSummary({
        lesionId: segment.lesionId,
        studyInstanceUid: view.studyInstanceUid,
        seriesKey: key,
        method: segment.method,
        modality: view.modality,
        seriesDescription: view.seriesDescription,
        flags: segment.flags,
        ...(segment.confirmedAt ? { confirmedAt: segment.confirmedAt } : {}),
        volumeMm3: segment.result.volumeMl * 1000,
        voxelCount: segment.result.voxelCount,
        voxelVolumeMm3: segment.result.voxelVolumeMm3,
        longestDiameterMm: segment.result.longestDiameterMm,
        perpendicularDiameterMm: segment.result.perpendicularDiameterMm,
      });
    } else {
      measurements.removeSegmentationSummary(segment.lesionId, key);
    }
    if (save) persistLater(session, segment.label, segment.lesionId);
  }
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

/** Seed click: grows a region from the clicked voxel and adds it to the active lesion's segment. */
export function growAt(world: Types.Point3, viewport: Types.IViewport): Promise<void> {
  const slots = useViewerStore.getState().slots;
  const slot = slots.findIndex((_, n) => viewportIdForSlot(n) === viewport.id);
  const series = slot >= 0 ? seriesOfSlot(slot) : undefined;
  if (!series) return Promise.resolve();
  useViewerStore.getState().setActiveSlot(slot);
  return queueGrow(series, { world }, false);
}

/** A line dragged across the lesion: the grow stays in the sphere on the line and learns the lesion from its middle, the surroundings from its ends. */
export function growAlongLine(start: Types.Point3, end: Types.Point3, viewport: Types.IViewport): Promise<void> {
  const slots = useViewerStore.getState().slots;
  const slot = slots.findIndex((_, n) => viewportIdForSlot(n) === viewport.id);
  const series = slot >= 0 ? seriesOfSlot(slot) : undefined;
  if (!series) return Promise.resolve();
  useViewerStore.getState().setActiveSlot(slot);
  return queueGrow(series, { line: [start, end] }, false);
}

type GrowFrom = { world: Vec3 } | { line: [Vec3, Vec3] } | null;

function queueGrow(series: SeriesNode, from: GrowFrom, replaceLast: boolean): Promise<void> {
  growing = growing.then(() =>
    run(async () => {
      const session = await ensureSession(series);
      let seed = session.lastSeed;
      let start: AdaptiveGrowOptions = session.lastOptions;
      let method = session.lastMethod;
      if (from && 'world' in from) {
        seed = session.nearestVoxel(from.world);
        start = {};
        method = 'grow';
        if (!seed) return store().setMessage('The click is outside the volume.');
      } else if (from) {
        const guide = lineGuide(session.volume.scalars, session.gridAt(from.line[0]), ...from.line);
        if (!guide) return store().setMessage('Drag a line across the whole lesion, from outside it on one side to outside it on the other.');
        seed = guide.seed;
        start = { sphere: guide.sphere, prior: guide.prior };
        method = 'line';
      }
      if (!seed) return;
      const view = store().views[series.key]!;
      const options = { ...start, edgeLevel: view.edgeLevel, maxVoxels: Math.ceil(session.volume.scalars.length * GROWTH_CAP) };
      const outcome = await session.grow(segmentClient(), seed, options, replaceLast, view.activeLabel);
      session.lastMethod = method;
      growReports.set(reportKey(series.key, outcome.label), { truncated: outcome.truncated, touchesLimit: outcome.touchesLimit, reachesGap: outcome.reachesGap });
      patchSegment(series.key, outcome.label, {
        method,
        confirmedAt: undefined,
        lastGrow: { lesionMean: outcome.model.lesionMean, backgroundMedian: outcome.model.backgroundMedian, ms: outcome.ms },
      });
      if (outcome.voxelCount > 0) setThresholdRange(outcome.model.coreRange);
      if (outcome.voxelCount === 0) store().setMessage('Nothing grew from that point: click inside the lesion.');
      refresh(session);
      // The volume and any flag are seen at once, without looking for them.
      if (useViewerStore.getState().rightPanel !== 'segmentation') useViewerStore.getState().setPanel('segmentation');
    }),
  );
  return growing;
}

function patchSegment(seriesKey: string, label: number, patch: Partial<SegmentView>): void {
  const view = store().views[seriesKey];
  if (view) store().patchView(seriesKey, { segments: view.segments.map((s) => (s.label === label ? { ...s, ...patch } : s)) });
}

/** A new edge level re-runs the last grow (replacing its region). */
export function setEdgeLevel(seriesKey: string, edgeLevel: number): Promise<void> {
  store().patchView(seriesKey, { edgeLevel });
  const session = sessions.get(seriesKey);
  if (!session?.lastSeed) return Promise.resolve();
  return queueGrow(session.series, null, true);
}

/** The reader confirms a flagged volume as right: it then counts in the response. */
export function confirmSegment(seriesKey: string, label: number): void {
  const session = sessions.get(seriesKey);
  if (!session) return;
  patchSegment(seriesKey, label, { confirmedAt: new Date().toISOString() });
  refresh(session);
}

/** Key y: confirms the active lesion's flagged volume in the active viewport's series. */
export function confirmSegmentOfActiveSlot(): void {
  const key = activeSeriesKey();
  const view = key ? store().views[key] : undefined;
  const segment = view?.segments.find((s) => s.label === view.activeLabel);
  if (key && segment?.flags.length && !segment.confirmedAt) confirmSegment(key, segment.label);
}

/** Shift+N: a segment for another lesion in the active viewport's series. */
export function addLesionSegmentOfActiveSlot(): void {
  const key = activeSeriesKey();
  if (key && store().views[key]) addLesionSegment(key);
}

/** A segment for another lesion in the same series: the next Grow or brush stroke goes to it. */
export function addLesionSegment(seriesKey: string): void {
  const view = store().views[seriesKey];
  if (!view) return;
  const label = Math.max(0, ...view.segments.map((s) => s.label)) + 1;
  if (label > 255) return;
  const used = new Set(view.segments.map((s) => s.lesionId));
  const free = useMeasurementStore.getState().state.lesions.find((l) => !used.has(l.id));
  store().patchView(seriesKey, { segments: [...view.segments, newSegment(label, free?.id ?? createEmptyLesion())] });
  setActiveSegment(seriesKey, label);
}

export function setActiveSegment(seriesKey: string, label: number): void {
  store().patchView(seriesKey, { activeLabel: label });
  const session = sessions.get(seriesKey);
  if (session) {
    session.lastSeed = null;
    setActiveLabelmapSegment(session.segmentationId, label);
  }
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
/** Empties the active lesion's segment. */
export const clearSegmentation = (seriesKey: string): void =>
  edit(seriesKey, (s) => {
    const label = store().views[seriesKey]?.activeLabel ?? 1;
    growReports.delete(reportKey(seriesKey, label));
    s.clearLabel(label);
    s.lastSeed = null;
  });

/** Interpolates the active lesion across the slices of the active viewport's plane (the ones the user painted on). */
export function interpolate(seriesKey: string): void {
  edit(seriesKey, (session) => {
    const added = session.interpolate(paintedAxis(session), store().views[seriesKey]?.activeLabel ?? 1);
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
 * Before a lesion is deleted: its segments are emptied and their saved masks forgotten, and each segment
 * moves to a lesion that still exists, so no volume is left behind for a lesion that is gone.
 */
export function forgetSegmentationsOfLesion(lesionId: string): void {
  for (const view of Object.values(store().views)) {
    const session = sessions.get(view.seriesKey);
    if (!session) continue;
    for (const segment of view.segments) {
      if (segment.lesionId !== lesionId) continue;
      session.clearLabel(segment.label);
      forgetSaved(session.series, lesionId);
      useMeasurementStore.getState().removeSegmentationSummary(lesionId, view.seriesKey);
      const others = useMeasurementStore.getState().state.lesions.filter((l) => l.id !== lesionId);
      // With no other lesion the empty segment keeps the deleted id (an undo brings the lesion back); the next grow re-homes it.
      patchSegment(view.seriesKey, segment.label, { lesionId: others[0]?.id ?? lesionId });
    }
    refresh(session, false);
  }
}

/**
 * Deleting a lesion that can be undone: its segments are emptied and their saved records deleted
 * (forgetSegmentationsOfLesion); the function returned puts the voxels, the lesion link, the summaries and
 * the saved records back. Call it once the lesion is back in the measurement store.
 */
export function detachSegmentationsOfLesion(lesionId: string): () => void {
  const kept = Object.values(store().views).flatMap((view) => {
    const session = sessions.get(view.seriesKey);
    if (!session) return [];
    return view.segments.filter((s) => s.lesionId === lesionId).map((s) => ({ session, label: s.label, rle: session.toRle(s.label) }));
  });
  forgetSegmentationsOfLesion(lesionId);
  return () => {
    for (const { session, label, rle } of kept) {
      patchSegment(session.series.key, label, { lesionId });
      session.restore(rle, label);
      refresh(session);
    }
  };
}

/** Moves the open segment of `fromLesionId` in a series to another lesion; false when there is none. */
export function moveSegmentationOfLesion(seriesKey: string, fromLesionId: string, toLesionId: string): boolean {
  const segment = store().views[seriesKey]?.segments.find((s) => s.lesionId === fromLesionId);
  if (!segment) return false;
  setLesion(seriesKey, segment.label, toLesionId);
  return true;
}

/** Moves a segment to another lesion (or a new one with lesionId null). */
export function setLesion(seriesKey: string, label: number, lesionId: string | null): void {
  const view = store().views[seriesKey];
  const session = sessions.get(seriesKey);
  const segment = view?.segments.find((s) => s.label === label);
  if (!view || !session || !segment) return;
  const target = lesionId ?? createEmptyLesion();
  if (target === segment.lesionId) return;
  useMeasurementStore.getState().removeSegmentationSummary(segment.lesionId, seriesKey);
  forgetSaved(session.series, segment.lesionId);
  patchSegment(seriesKey, label, { lesionId: target });
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
    showLabelmapIn(viewportId, session.segmentationId, store().views[series.key]?.activeLabel ?? 1);
    return;
  }
  void savedSegmentationsFor(series).then((saved) => {
    if (saved.length && !sessions.has(series.key)) void run(async () => void (await ensureSession(series)));
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

/**
 * Lets go of a series' segmentation (call after its labelmap is saved): the Cornerstone segmentation, its derived
 * labelmap images, our labelmap copy and undo history, the panel's view. The worker goes when no session is left
 * (made again by the next grow). Opening the series again restores the segmentation from storage.
 */
export async function disposeSession(seriesKey: string): Promise<void> {
  const session = sessions.get(seriesKey) ?? (await creating.get(seriesKey)?.catch(() => undefined));
  if (!session) return;
  sessions.delete(seriesKey);
  pendingSync.delete(session);
  for (const label of session.labels()) growReports.delete(reportKey(seriesKey, label));
  session.dispose();
  store().removeView(seriesKey);
  if (sessions.size === 0 && creating.size === 0) {
    client?.dispose();
    client = null;
  }
}

/** How many series hold a segmentation in memory, and whether the worker is running (tests of the memory release). */
export const liveSessions = (): { sessions: number; worker: boolean } => ({ sessions: sessions.size, worker: client !== null });
