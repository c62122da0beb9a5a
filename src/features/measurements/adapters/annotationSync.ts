import { eventTarget, getRenderingEngines, type Types } from '@cornerstonejs/core';
import { annotation as csAnnotation, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { isUncalibratedSeries } from '../../../dicom/calibration';
import type { SeriesNode } from '../../../dicom/types';
import type { Measurement } from '../../../measure/types';
import { findSeries, SLOT_COUNT, useViewerStore } from '../../../state/viewerStore';
import { useMeasurementStore } from '../../../state/measurementStore';
import { measurementFromAnnotation, storableAnnotation, type AnnotationJson } from '../../../measure/annotationConversion';
import { imageIdForSop, instanceForImageId } from '../../../viewer/imageRegistry';
import { viewportOfSlot } from '../../../viewer/displayControls';
import { volumeIdFor } from '../../../viewer/displaySeries';
import { ensureCornerstone } from '../../../viewer/cornerstoneSetup';
import { configureTool } from '../../../viewer/toolGroup';
import { arrowTextConfiguration } from './annotationText';
import { recordUndoable } from '../../../viewer/undoHistory';

const { Events } = ToolEnums;
const VOLUME_PREFIX = volumeIdFor({ key: '' } as SeriesNode);
/** Saved with each annotation: image ids differ between sessions, SOP Instance UIDs do not. */
const IMAGE_KEY = 'spinelensImage';

/** annotationUID → the slot it was drawn in (ANNOTATION_ADDED knows the viewport, COMPLETED does not). */
const drawnInSlot = new Map<string, number>();
let restoring = false;

/**
 * Completed annotations not yet measurements: a probe or freehand contour whose statistics Cornerstone computes at a
 * later render (sometimes without announcing it), or a drawing made on the first image shown while its series is
 * still loading. Each is tried again until it converts, so no completed drawing is left out of the case.
 */
const awaiting = new Map<string, number>();
/** 200 ms apart for 30 s: statistics come within a render or two; a series may take longer (retried on its arrival too). */
const RETRY_MS = 200;
const MAX_TRIES = 150;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function retryAwaiting(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  for (const [uid, tries] of awaiting) {
    const drawn = csAnnotation.state.getAnnotation(uid);
    if (!drawn || syncAnnotation(drawn) || tries >= MAX_TRIES) awaiting.delete(uid);
    else awaiting.set(uid, tries + 1);
  }
  if (awaiting.size) retryTimer = setTimeout(retryAwaiting, RETRY_MS);
}

function awaitConversion(uid: string): void {
  if (!awaiting.has(uid)) awaiting.set(uid, 0);
  retryTimer ??= setTimeout(retryAwaiting, RETRY_MS);
}

type AnnotationEvent = CustomEvent<{ annotation: ToolTypes.Annotation; viewportId?: string }>;

/** Keeps the measurement store in step with what the user draws, edits and deletes. Returns a stop function. */
export function startAnnotationSync(): () => void {
  // Arrow labels are typed in the lesions panel, not in a browser prompt.
  void ensureCornerstone().then(() => configureTool('ArrowAnnotate', arrowTextConfiguration));
  const onAdded = (e: Event) => {
    const { annotation, viewportId } = (e as AnnotationEvent).detail;
    const slot = slotOfViewport(viewportId);
    if (annotation.annotationUID && slot !== null && !drawnInSlot.has(annotation.annotationUID)) drawnInSlot.set(annotation.annotationUID, slot);
    // A drag that has just started is degenerate and converts to null; an undone deletion comes back here.
    if (!restoring) syncAnnotation(annotation);
  };
  const onCompleted = (e: Event) => {
    const { annotation } = (e as AnnotationEvent).detail;
    if (!syncAnnotation(annotation) && annotation.annotationUID) awaitConversion(annotation.annotationUID);
  };
  const onModified = (e: Event) => {
    const { annotation } = (e as AnnotationEvent).detail;
    const uid = annotation.annotationUID;
    // While a new annotation is drawn it is not in the store yet: wait for COMPLETED.
    if (!uid) return;
    if (awaiting.has(uid)) {
      if (syncAnnotation(annotation)) awaiting.delete(uid);
    } else if (useMeasurementStore.getState().state.measurements.some((m) => m.id === uid)) syncAnnotation(annotation);
  };
  const onRemoved = (e: Event) => {
    const uid = (e as AnnotationEvent).detail.annotation.annotationUID;
    if (uid) awaiting.delete(uid);
    if (uid && !restoring) useMeasurementStore.getState().removeMeasurement(uid);
  };
  const listeners: [string, (e: Event) => void][] = [
    [Events.ANNOTATION_ADDED, onAdded],
    [Events.ANNOTATION_COMPLETED, onCompleted],
    [Events.ANNOTATION_MODIFIED, onModified],
    [Events.ANNOTATION_REMOVED, onRemoved],
  ];
  for (const [type, listener] of listeners) eventTarget.addEventListener(type, listener);
  // A drawing made before its series arrived converts as soon as the series is in.
  const stopWatchingSeries = useViewerStore.subscribe((state, prev) => {
    if (state.patients !== prev.patients && awaiting.size) retryAwaiting();
  });
  return () => {
    for (const [type, listener] of listeners) eventTarget.removeEventListener(type, listener);
    stopWatchingSeries();
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };
}

/** Whether the annotation is a measurement now in the store (false while it is degenerate or lacks its statistics). */
function syncAnnotation(annotation: ToolTypes.Annotation): boolean {
  const json = annotation as unknown as AnnotationJson;
  const series = seriesOfAnnotation(json);
  const first = series?.frames[0]?.instance;
  if (!series || !first) return false;
  const existing = useMeasurementStore.getState().state.measurements.find((m) => m.id === annotation.annotationUID);
  const measurement = measurementFromAnnotation(json, {
    studyInstanceUid: first.studyInstanceUid,
    seriesKey: series.key,
    frameOfReferenceUid: series.frameOfReferenceUid || (json.metadata.FrameOfReferenceUID ?? ''),
    createdAt: existing?.createdAt ?? new Date().toISOString(),
    // Kept on the measurement so no mm, mL or response comes from it anywhere, its series open or not.
    ...(isUncalibratedSeries(series) ? { uncalibrated: true as const } : {}),
  });
  if (!measurement) return false;
  useMeasurementStore.getState().upsertMeasurement(measurement, savedForm(json));
  return true;
}

/**
 * The series an annotation was drawn on: from its volume id, else the series holding its image (the one of the slot it
 * was drawn in first: that slot may show another series since, e.g. another timepoint, which must not take it over).
 */
function seriesOfAnnotation(json: AnnotationJson): SeriesNode | undefined {
  const { patients, slots } = useViewerStore.getState();
  const volumeId = json.metadata.volumeId;
  if (typeof volumeId === 'string' && volumeId.startsWith(VOLUME_PREFIX)) {
    const series = findSeries(patients, volumeId.slice(VOLUME_PREFIX.length));
    if (series) return series;
  }
  const image = json.metadata.referencedImageId ? instanceForImageId(json.metadata.referencedImageId) : undefined;
  if (!image) return undefined;
  const holding = (s: SeriesNode | undefined): s is SeriesNode => s !== undefined && s.frames.some((f) => f.instance.sopInstanceUid === image.instance.sopInstanceUid);
  const slot = json.annotationUID === undefined ? undefined : drawnInSlot.get(json.annotationUID);
  const drawnIn = slot === undefined ? undefined : findSeries(patients, slots[slot]?.seriesKey ?? null);
  if (holding(drawnIn)) return drawnIn;
  const inSlot = slots.map((s) => findSeries(patients, s.seriesKey)).find(holding);
  return inSlot ?? patients.flatMap((p) => p.studies.flatMap((st) => st.series)).find(holding);
}

function savedForm(json: AnnotationJson): AnnotationJson {
  const saved = storableAnnotation(json);
  const image = json.metadata.referencedImageId ? instanceForImageId(json.metadata.referencedImageId) : undefined;
  if (image) saved[IMAGE_KEY] = { sopInstanceUid: image.instance.sopInstanceUid, frameIndex: image.frameIndex };
  return saved;
}

/**
 * Redraws saved measurements in Cornerstone. Annotations already present are left alone; one whose
 * image is not loaded is not drawn (the measurement stays listed).
 */
export function restoreAnnotations(measurements: readonly Measurement[], annotations: Readonly<Record<string, AnnotationJson>>): void {
  restoring = true;
  try {
    for (const m of measurements) {
      const saved = annotations[m.id];
      if (!saved || csAnnotation.state.getAnnotation(m.id)) continue;
      const json = structuredClone(saved);
      json.annotationUID = m.id;
      const image = json[IMAGE_KEY] as { sopInstanceUid: string; frameIndex: number } | undefined;
      if (json.metadata.referencedImageId) {
        const current = image && imageIdForSop(image.sopInstanceUid, image.frameIndex);
        if (!current) continue;
        json.metadata.referencedImageId = current;
      }
      delete json[IMAGE_KEY];
      csAnnotation.state.addAnnotation(json as unknown as ToolTypes.Annotation, json.metadata.FrameOfReferenceUID ?? '');
    }
  } finally {
    restoring = false;
  }
  for (const engine of getRenderingEngines() ?? []) engine.render();
}

/**
 * Takes drawings out of Cornerstone's annotation state while keeping their measurements: their study is being
 * closed, and the saved case redraws them when it is opened again.
 */
export function dropDrawings(ids: Iterable<string>): void {
  restoring = true;
  try {
    for (const id of ids) {
      drawnInSlot.delete(id);
      if (csAnnotation.state.getAnnotation(id)) csAnnotation.state.removeAnnotation(id);
    }
  } finally {
    restoring = false;
  }
}

/** Removes a measurement and its drawing; Ctrl+Z brings both back (with its lesion link and level). */
export function deleteMeasurement(id: string): void {
  const { state, annotations } = useMeasurementStore.getState();
  const measurement = state.measurements.find((m) => m.id === id);
  const drawing = annotations[id];
  removeMeasurementAndDrawing(id);
  if (!measurement) return;
  recordUndoable(
    () => {
      useMeasurementStore.getState().upsertMeasurement(measurement, drawing);
      if (drawing) restoreAnnotations([measurement], { [id]: drawing });
    },
    () => removeMeasurementAndDrawing(id),
  );
}

function removeMeasurementAndDrawing(id: string): void {
  if (csAnnotation.state.getAnnotation(id)) csAnnotation.state.removeAnnotation(id);
  useMeasurementStore.getState().removeMeasurement(id);
  for (const engine of getRenderingEngines() ?? []) engine.render();
}

/** Brings the slice of a measurement into the viewport that shows its series (the active one first). */
export function jumpToMeasurement(measurement: Measurement): boolean {
  const drawn = csAnnotation.state.getAnnotation(measurement.id);
  if (!drawn) return false;
  const { slots, activeSlot, layout } = useViewerStore.getState();
  const visible = SLOT_COUNT[layout];
  const order = [activeSlot, ...slots.map((_, i) => i).filter((i) => i !== activeSlot && i < visible)];
  const slot = order.find((i) => slots[i]?.seriesKey === measurement.seriesKey);
  const viewport = slot === undefined ? undefined : viewportOfSlot(slot);
  if (!viewport) return false;
  viewport.setViewReference(drawn.metadata as Types.ViewReference);
  // Shown is chosen: Delete then removes this one, not the one drawn last.
  csAnnotation.selection.setAnnotationSelected(measurement.id, true, false);
  viewport.render();
  return true;
}

function slotOfViewport(viewportId: string | undefined): number | null {
  const match = viewportId ? /^slot-(\d+)$/.exec(viewportId) : null;
  return match ? Number(match[1]) : null;
}
