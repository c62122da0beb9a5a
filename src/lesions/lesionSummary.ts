import { add, dot, normalize, scale, sub, type Vec3 } from '../geometry/vec3';
import { bidirectionalAxes, lengthMm } from '../measure/length';
import { craniocaudalAxis, orthogonalDiameters, type OrthogonalDiameters } from '../measure/orthogonalDiameters';
import type { BidirectionalMeasurement, DiameterAxis, LengthMeasurement, Measurement } from '../measure/types';
import { mm3ToMl } from '../measure/volume';
import type { SegmentationSummary } from './lesion';
import { measurementPlane, type Plane } from './measurementPlane';
import type { SpineLensState } from './state';

/** An unassigned length within this angle of the patient's z axis is taken as the craniocaudal diameter. */
export const AUTO_CC_MAX_ANGLE_DEG = 30;

/** lesionId → studyInstanceUid → measurements (oldest first). Measurements without a lesion are left out. */
export function measurementsByLesionAndTimepoint(
  state: Pick<SpineLensState, 'lesions' | 'measurements'>,
): Map<string, Map<string, Measurement[]>> {
  const grouped = new Map<string, Map<string, Measurement[]>>(state.lesions.map((l) => [l.id, new Map()]));
  for (const m of [...state.measurements].sort(byCreatedAt)) {
    if (m.lesionId === undefined) continue;
    let byStudy = grouped.get(m.lesionId);
    if (!byStudy) grouped.set(m.lesionId, (byStudy = new Map()));
    const list = byStudy.get(m.studyInstanceUid);
    if (list) list.push(m);
    else byStudy.set(m.studyInstanceUid, [m]);
  }
  return grouped;
}

export interface LesionTimepointSummary {
  lesionId: string;
  studyInstanceUid: string;
  measurementIds: string[];
  /** Longest of the length measurements and bidirectional long axes, with the plane it was measured in. */
  longestDiameter: { mm: number; measurementId: string; plane: Plane } | null;
  /** Longest diameter measured in an axial plane (what RECIST 1.1 asks for). */
  longestAxialDiameter: { mm: number; measurementId: string; plane: Plane } | null;
  /** Bidirectionals whose short axis is still the one the tool drew: not used as a measured diameter. */
  defaultShortAxisIds: string[];
  /** AP × transverse × CC with the ellipsoid volume, when the measurements allow it. */
  diameters: OrthogonalDiameters | null;
  ellipsoidVolumeMl: number | null;
  segmentation: SegmentationSummary | null;
  segmentedVolumeMl: number | null;
  /** The segmentation has plausibility flags the reader has not confirmed: it must not drive a response. */
  segmentationFlagged: boolean;
  /** (segmented − ellipsoid) / ellipsoid × 100. */
  segmentedVsEllipsoidPercent: number | null;
  /**
   * Lengths drawn on series without a valid Pixel Spacing: in px, kept apart from every mm and mL above (which
   * come from calibrated measurements only). Null when there are none.
   */
  uncalibrated: { seriesKeys: string[]; longestPx: { px: number; measurementId: string; plane: Plane } | null } | null;
}

/** A lesion at a timepoint; with `seriesKey`, only what was measured or segmented in that series. */
export function lesionSummary(state: SpineLensState, lesionId: string, studyInstanceUid: string, seriesKey?: string): LesionTimepointSummary {
  const inScope = (x: { lesionId?: string; studyInstanceUid: string; seriesKey: string }): boolean =>
    x.lesionId === lesionId && x.studyInstanceUid === studyInstanceUid && (seriesKey === undefined || x.seriesKey === seriesKey);
  const inScopeMeasurements = state.measurements.filter(inScope).sort(byCreatedAt);
  // A length in px is no length in mm: only calibrated measurements make diameters and volumes.
  const measurements = inScopeMeasurements.filter((m) => m.uncalibrated !== true);
  const inPixels = inScopeMeasurements.filter((m) => m.uncalibrated === true);
  const segmentation = state.segmentationSummaries.findLast(inScope) ?? null;
  const diameters = diametersFrom(measurements);
  const ellipsoidVolumeMl = diameters?.volumeMl ?? null;
  const segmentedVolumeMl = segmentation ? mm3ToMl(segmentation.volumeMm3) : null;
  return {
    lesionId,
    studyInstanceUid,
    measurementIds: inScopeMeasurements.map((m) => m.id),
    longestDiameter: longestDiameter(measurements),
    longestAxialDiameter: longestDiameter(measurements.filter((m) => measurementPlane(m) === 'axial')),
    defaultShortAxisIds: measurements.filter((m) => m.kind === 'bidirectional' && m.shortAxisSet === false).map((m) => m.id),
    diameters,
    ellipsoidVolumeMl,
    segmentation,
    segmentedVolumeMl,
    segmentationFlagged: segmentation !== null && isFlagged(segmentation),
    segmentedVsEllipsoidPercent:
      segmentedVolumeMl !== null && ellipsoidVolumeMl !== null && ellipsoidVolumeMl > 0
        ? ((segmentedVolumeMl - ellipsoidVolumeMl) / ellipsoidVolumeMl) * 100
        : null,
    uncalibrated: inPixels.length === 0 ? null : { seriesKeys: [...new Set(inPixels.map((m) => m.seriesKey))], longestPx: uncalibratedLongest(inPixels) },
  };
}

/** Flags the reader has not confirmed. */
export function isFlagged(summary: SegmentationSummary): boolean {
  return (summary.flags?.length ?? 0) > 0 && summary.confirmedAt === undefined;
}

function longestDiameter(measurements: readonly Measurement[]): LesionTimepointSummary['longestDiameter'] {
  let best: LesionTimepointSummary['longestDiameter'] = null;
  for (const m of measurements) {
    const mm = m.kind === 'length' ? lengthMm(...m.points) : m.kind === 'bidirectional' ? longAxisMm(m) : null;
    const plane = measurementPlane(m);
    if (mm !== null && plane !== null && (best === null || mm > best.mm)) best = { mm, measurementId: m.id, plane };
  }
  return best;
}

function uncalibratedLongest(measurements: readonly Measurement[]): NonNullable<LesionTimepointSummary['uncalibrated']>['longestPx'] {
  const longest = longestDiameter(measurements);
  return longest ? { px: longest.mm, measurementId: longest.measurementId, plane: longest.plane } : null;
}

/** The long axis; a default short axis never counts, even when a long-axis edit left it the longer one. */
function longAxisMm(m: BidirectionalMeasurement): number {
  return m.shortAxisSet === false ? lengthMm(...m.long) : bidirectionalAxes(m).longMm;
}

/** Both axes are measurements: the short one was set by the reader (or saved before this was tracked). */
function bothAxesMeasured(m: BidirectionalMeasurement): boolean {
  return m.shortAxisSet !== false;
}

/**
 * Prefers three lengths the user assigned to AP, transverse and CC; otherwise the axial bidirectional with
 * the longest axis plus a CC diameter: an assigned length, an unassigned length running craniocaudally, or
 * the craniocaudal axis of a sagittal or coronal bidirectional. A default short axis is never a diameter.
 * The most recent measurement wins when an axis was measured more than once.
 */
function diametersFrom(measurements: readonly Measurement[]): OrthogonalDiameters | null {
  const lengths = measurements.filter((m): m is LengthMeasurement => m.kind === 'length');
  const assigned = (axis: DiameterAxis): LengthMeasurement | undefined => lengths.findLast((m) => m.axis === axis);
  const ap = assigned('ap');
  const transverse = assigned('transverse');
  const ccLength = assigned('cc') ?? lengths.findLast((m) => m.axis === undefined && isCraniocaudal(m.points));
  if (ap && transverse && ccLength) return orthogonalDiameters({ kind: 'three-lengths', ap, transverse, cc: ccLength });
  const bidirectionals = measurements.filter((m): m is BidirectionalMeasurement => m.kind === 'bidirectional');
  const isSideView = (m: BidirectionalMeasurement): boolean => ['sagittal', 'coronal'].includes(measurementPlane(m) ?? '');
  const ccBidirectional = bidirectionals.findLast(
    (m) => isSideView(m) && isCraniocaudal(craniocaudalAxis(m)) && (bothAxesMeasured(m) || craniocaudalAxis(m) === m.long),
  );
  const cc = ccLength ?? ccBidirectional;
  const axial = bidirectionals
    .filter((m) => !isSideView(m) && bothAxesMeasured(m))
    .reduce<BidirectionalMeasurement | undefined>(
      (best, m) => (best === undefined || bidirectionalAxes(m).longMm > bidirectionalAxes(best).longMm ? m : best),
      undefined,
    );
  return axial && cc ? orthogonalDiameters({ kind: 'bidirectional+cc', axial, cc }) : null;
}

function isCraniocaudal([a, b]: readonly [Vec3, Vec3]): boolean {
  const d = sub(b, a);
  if (lengthMm(a, b) === 0) return false;
  return Math.abs(dot(normalize(d), [0, 0, 1])) >= Math.cos((AUTO_CC_MAX_ANGLE_DEG * Math.PI) / 180);
}

/**
 * Where the lesion is at a timepoint: the centroid of its measurement geometry (arrow heads only,
 * since an arrow's tail is off the lesion). Null when it has no measurement there.
 */
export function lesionPosition(
  state: Pick<SpineLensState, 'measurements'>,
  lesionId: string,
  studyInstanceUid: string,
): { position: Vec3; frameOfReferenceUid: string } | null {
  const measurements = state.measurements.filter((m) => m.lesionId === lesionId && m.studyInstanceUid === studyInstanceUid);
  const points = measurements.flatMap(geometryPoints);
  const first = measurements[0];
  if (first === undefined || points.length === 0) return null;
  const sum = points.reduce<Vec3>((s, p) => add(s, p), [0, 0, 0]);
  return { position: scale(sum, 1 / points.length), frameOfReferenceUid: first.frameOfReferenceUid };
}

function geometryPoints(m: Measurement): readonly Vec3[] {
  switch (m.kind) {
    case 'length':
    case 'ellipse':
    case 'freehand':
      return m.points;
    case 'bidirectional':
      return [...m.long, ...m.short];
    case 'probe':
      return [m.point];
    case 'arrow':
      return [m.points[1]];
  }
}

function byCreatedAt(a: Measurement, b: Measurement): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
