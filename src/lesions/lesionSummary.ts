import { add, dot, normalize, scale, sub, type Vec3 } from '../geometry/vec3';
import { bidirectionalAxes, lengthMm } from '../measure/length';
import { orthogonalDiameters, type OrthogonalDiameters } from '../measure/orthogonalDiameters';
import type { BidirectionalMeasurement, DiameterAxis, LengthMeasurement, Measurement } from '../measure/types';
import { mm3ToMl } from '../measure/volume';
import type { SegmentationSummary } from './lesion';
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
  /** Longest of the length measurements and bidirectional long axes. */
  longestDiameter: { mm: number; measurementId: string } | null;
  /** AP × transverse × CC with the ellipsoid volume, when the measurements allow it. */
  diameters: OrthogonalDiameters | null;
  ellipsoidVolumeMl: number | null;
  segmentation: SegmentationSummary | null;
  segmentedVolumeMl: number | null;
  /** (segmented − ellipsoid) / ellipsoid × 100. */
  segmentedVsEllipsoidPercent: number | null;
}

export function lesionSummary(state: SpineLensState, lesionId: string, studyInstanceUid: string): LesionTimepointSummary {
  const measurements = state.measurements
    .filter((m) => m.lesionId === lesionId && m.studyInstanceUid === studyInstanceUid)
    .sort(byCreatedAt);
  const segmentation =
    state.segmentationSummaries.findLast((s) => s.lesionId === lesionId && s.studyInstanceUid === studyInstanceUid) ?? null;
  const diameters = diametersFrom(measurements);
  const ellipsoidVolumeMl = diameters?.volumeMl ?? null;
  const segmentedVolumeMl = segmentation ? mm3ToMl(segmentation.volumeMm3) : null;
  return {
    lesionId,
    studyInstanceUid,
    measurementIds: measurements.map((m) => m.id),
    longestDiameter: longestDiameter(measurements),
    diameters,
    ellipsoidVolumeMl,
    segmentation,
    segmentedVolumeMl,
    segmentedVsEllipsoidPercent:
      segmentedVolumeMl !== null && ellipsoidVolumeMl !== null && ellipsoidVolumeMl > 0
        ? ((segmentedVolumeMl - ellipsoidVolumeMl) / ellipsoidVolumeMl) * 100
        : null,
  };
}

function longestDiameter(measurements: readonly Measurement[]): LesionTimepointSummary['longestDiameter'] {
  let best: LesionTimepointSummary['longestDiameter'] = null;
  for (const m of measurements) {
    const mm = m.kind === 'length' ? lengthMm(...m.points) : m.kind === 'bidirectional' ? bidirectionalAxes(m).longMm : null;
    if (mm !== null && (best === null || mm > best.mm)) best = { mm, measurementId: m.id };
  }
  return best;
}

/**
 * Prefers three lengths the user assigned to AP, transverse and CC; otherwise the bidirectional with
 * the longest axis plus a CC length (assigned, or an unassigned length running craniocaudally).
 * The most recent measurement wins when an axis was measured more than once.
 */
function diametersFrom(measurements: readonly Measurement[]): OrthogonalDiameters | null {
  const lengths = measurements.filter((m): m is LengthMeasurement => m.kind === 'length');
  const assigned = (axis: DiameterAxis): LengthMeasurement | undefined => lengths.findLast((m) => m.axis === axis);
  const ap = assigned('ap');
  const transverse = assigned('transverse');
  const cc = assigned('cc') ?? lengths.findLast((m) => m.axis === undefined && isCraniocaudal(m.points));
  if (ap && transverse && cc) return orthogonalDiameters({ kind: 'three-lengths', ap, transverse, cc });
  const axial = measurements
    .filter((m): m is BidirectionalMeasurement => m.kind === 'bidirectional')
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
