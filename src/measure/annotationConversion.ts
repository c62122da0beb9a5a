import type { Vec3 } from '../geometry/vec3';
import type { Measurement, RoiStats, StatsUnit } from './types';

/**
 * The parts of a Cornerstone tools annotation that we read, as plain JSON. Structural on purpose:
 * this file imports nothing from Cornerstone so the conversion is testable in Node.
 */
export interface AnnotationJson {
  annotationUID?: string;
  metadata: {
    toolName: string;
    FrameOfReferenceUID?: string;
    referencedImageId?: string;
    volumeId?: string;
    [key: string]: unknown;
  };
  data: {
    handles?: { points?: readonly (readonly number[])[]; [key: string]: unknown };
    cachedStats?: Record<string, Record<string, unknown> | undefined>;
    label?: string;
    text?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Where a measurement was made: resolved by the viewer from the viewport's series. */
export interface MeasurementContext {
  studyInstanceUid: string;
  seriesKey: string;
  frameOfReferenceUid: string;
  createdAt: string;
  /** The series has no valid Pixel Spacing (see MeasurementBase.uncalibrated). */
  uncalibrated?: true;
}

/**
 * Converts a Cornerstone annotation to our measurement; null for tools we do not keep, degenerate
 * geometry (a drag that has not moved) or ROI statistics that are not computed yet.
 * The annotationUID becomes the measurement id so later edits map 1:1.
 */
export function measurementFromAnnotation(annotation: AnnotationJson, context: MeasurementContext): Measurement | null {
  const id = annotation.annotationUID;
  const points = (annotation.data.handles?.points ?? []).map(toVec3);
  if (!id || points.some((p) => p === null)) return null;
  const world = points as Vec3[];
  const normal = Array.isArray(annotation.metadata['viewPlaneNormal']) ? toVec3(annotation.metadata['viewPlaneNormal'] as number[]) : null;
  const base = { id, ...context, label: annotation.data.label ?? '', ...(normal ? { viewPlaneNormal: normal } : {}) };
  switch (annotation.metadata.toolName) {
    case 'Length': {
      const [a, b] = world;
      if (!a || !b || same(a, b)) return null;
      return { ...base, kind: 'length', points: [a, b] };
    }
    case 'Bidirectional': {
      // BidirectionalTool keeps [long start, long end, short start, short end].
      const [l0, l1, s0, s1] = world;
      if (!l0 || !l1 || !s0 || !s1 || same(l0, l1)) return null;
      // The tool draws a default short axis (perpendicular, 2/3 of the long one) and rotates it with the long
      // axis; only a drag of a short-axis handle (2 or 3, active while dragged) makes it a measurement.
      const handle = annotation.data.handles?.['activeHandleIndex'];
      const shortAxisSet = handle === 2 || handle === 3;
      return { ...base, kind: 'bidirectional', long: [l0, l1], short: [s0, s1], shortAxisSet };
    }
    case 'EllipticalROI': {
      // EllipticalROITool keeps [bottom, top, left, right]: two axes, each as a pair of end points.
      const [bottom, top, left, right] = world;
      const stats = roiStats(annotation);
      if (!bottom || !top || !left || !right || !stats || same(bottom, top)) return null;
      return { ...base, kind: 'ellipse', points: [bottom, top, left, right], stats };
    }
    case 'PlanarFreehandROI': {
      const contour = annotation.data['contour'] as { polyline?: readonly (readonly number[])[] } | undefined;
      const outline = (contour?.polyline ?? []).map(toVec3);
      const stats = roiStats(annotation);
      if (outline.length < 3 || outline.some((p) => p === null) || !stats) return null;
      return { ...base, kind: 'freehand', points: outline as Vec3[], stats };
    }
    case 'ArrowAnnotate': {
      const [head, tail] = world;
      if (!head || !tail || same(head, tail)) return null;
      // Cornerstone's first handle is where the drag started, the arrow head.
      return { ...base, kind: 'arrow', points: [tail, head], text: annotation.data.label ?? annotation.data.text ?? '' };
    }
    case 'Probe': {
      const [point] = world;
      const stats = firstStats(annotation, 'value');
      const value = stats?.['value'];
      if (!point || typeof value !== 'number' || !Number.isFinite(value)) return null;
      return { ...base, kind: 'probe', point, value, unit: statsUnit(stats?.['modalityUnit']) };
    }
    default:
      return null;
  }
}

/**
 * The annotation as we save it: everything Cornerstone needs to redraw it exactly, without the
 * derived statistics (recomputed on render) and without anything that is not plain data.
 */
export function storableAnnotation(annotation: AnnotationJson): AnnotationJson {
  const { cachedStats: _cachedStats, ...data } = annotation.data;
  const plain = JSON.parse(JSON.stringify({ ...annotation, data })) as AnnotationJson;
  plain.highlighted = false;
  plain.invalidated = true;
  plain.data.cachedStats = {};
  return plain;
}

function toVec3(p: readonly number[]): Vec3 | null {
  const [x, y, z] = p;
  return x !== undefined && y !== undefined && z !== undefined && [x, y, z].every(Number.isFinite) ? [x, y, z] : null;
}

function same(a: Vec3, b: Vec3): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** Stats of the first image (target) where `key` has been computed. */
function firstStats(annotation: AnnotationJson, key: string): Record<string, unknown> | undefined {
  return Object.values(annotation.data.cachedStats ?? {}).find((s) => typeof s?.[key] === 'number');
}

function roiStats(annotation: AnnotationJson): RoiStats | null {
  const s = firstStats(annotation, 'mean');
  if (!s) return null;
  const numbers = ['area', 'mean', 'stdDev', 'min', 'max'].map((k) => s[k]);
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [areaMm2, mean, sd, min, max] = numbers as number[];
  return { areaMm2: areaMm2!, mean: mean!, sd: sd!, min: min!, max: max!, unit: statsUnit(s['modalityUnit']) };
}

function statsUnit(unit: unknown): StatsUnit {
  return unit === 'HU' ? 'HU' : '';
}
