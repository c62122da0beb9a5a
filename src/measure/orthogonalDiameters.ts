import { cross, dot, length, normalize, sub, type Vec3 } from '../geometry/vec3';
import { lengthMm, lineAngleDeg } from './length';
import type { BidirectionalMeasurement, LengthMeasurement, Measurement } from './types';
import { ellipsoidVolumeMl } from './volume';

/** Axes further than this from perpendicular make the ellipsoid estimate unreliable. */
export const ORTHOGONALITY_TOLERANCE_DEG = 15;

export type OrthogonalDiameterInput =
  /**
   * Axial bidirectional (AP and transverse) plus the craniocaudal diameter: a length, or the more craniocaudal
   * axis of a bidirectional drawn in a sagittal or coronal view.
   */
  | { kind: 'bidirectional+cc'; axial: BidirectionalMeasurement; cc: LengthMeasurement | BidirectionalMeasurement }
  /** Three lengths that the user assigned to AP, transverse and CC. */
  | { kind: 'three-lengths'; ap: LengthMeasurement; transverse: LengthMeasurement; cc: LengthMeasurement };

export interface OrthogonalDiameters {
  apMm: number;
  transverseMm: number;
  ccMm: number;
  /** Measurement id each diameter came from (AP and transverse share an id for a bidirectional). */
  sources: { ap: string; transverse: string; cc: string };
  volumeMl: number;
  warnings: string[];
}

type Segment = readonly [Vec3, Vec3];
interface Axis {
  name: string;
  segment: Segment;
  measurement: Measurement;
}

const Z: Vec3 = [0, 0, 1];
const Y: Vec3 = [0, 1, 0];

export function orthogonalDiameters(input: OrthogonalDiameterInput): OrthogonalDiameters {
  if (input.kind === 'three-lengths') {
    const axes: Axis[] = [
      { name: 'AP', segment: input.ap.points, measurement: input.ap },
      { name: 'transverse', segment: input.transverse.points, measurement: input.transverse },
      { name: 'CC', segment: input.cc.points, measurement: input.cc },
    ];
    return result(
      lengthMm(...input.ap.points),
      lengthMm(...input.transverse.points),
      lengthMm(...input.cc.points),
      { ap: input.ap.id, transverse: input.transverse.id, cc: input.cc.id },
      axes,
      [],
    );
  }

  const { axial, cc } = input;
  // The axis pointing more anterior-posterior is AP, whichever of the two is longer.
  const longIsAp = yComponent(axial.long) >= yComponent(axial.short);
  const apSegment = longIsAp ? axial.long : axial.short;
  const transverseSegment = longIsAp ? axial.short : axial.long;
  const apMm = lengthMm(...apSegment);
  const transverseMm = lengthMm(...transverseSegment);
  const warnings: string[] = [];
  const normal = cross(sub(axial.long[1], axial.long[0]), sub(axial.short[1], axial.short[0]));
  if (length(normal) > 0) {
    const tilt = lineAngleDeg([[0, 0, 0], normal], [[0, 0, 0], Z]);
    if (tilt > ORTHOGONALITY_TOLERANCE_DEG) {
      warnings.push(`The bidirectional measurement is ${tilt.toFixed(1)}° from the axial plane (tolerance ${ORTHOGONALITY_TOLERANCE_DEG}°).`);
    }
  }
  const ccSegment = cc.kind === 'length' ? cc.points : craniocaudalAxis(cc);
  return result(
    apMm,
    transverseMm,
    lengthMm(...ccSegment),
    { ap: axial.id, transverse: axial.id, cc: cc.id },
    [
      { name: 'AP', segment: apSegment, measurement: axial },
      { name: 'transverse', segment: transverseSegment, measurement: axial },
      { name: 'CC', segment: ccSegment, measurement: cc },
    ],
    warnings,
  );
}

function result(
  apMm: number,
  transverseMm: number,
  ccMm: number,
  sources: OrthogonalDiameters['sources'],
  axes: readonly Axis[],
  warnings: string[],
): OrthogonalDiameters {
  return {
    apMm,
    transverseMm,
    ccMm,
    sources,
    volumeMl: ellipsoidVolumeMl(apMm, transverseMm, ccMm),
    warnings: [...consistencyWarnings(axes), ...warnings, ...orthogonalityWarnings(axes)],
  };
}

function orthogonalityWarnings(axes: readonly Axis[]): string[] {
  const warnings = axes.filter((a) => lengthMm(...a.segment) === 0).map((a) => `The ${a.name} diameter has zero length.`);
  for (let i = 0; i < axes.length; i++) {
    for (let j = i + 1; j < axes.length; j++) {
      const a = axes[i]!;
      const b = axes[j]!;
      if (a.measurement.frameOfReferenceUid !== b.measurement.frameOfReferenceUid) continue;
      const angle = lineAngleDeg(a.segment, b.segment);
      if (Number.isNaN(angle)) continue;
      const off = 90 - angle;
      if (off > ORTHOGONALITY_TOLERANCE_DEG) {
        warnings.push(`The ${a.name} and ${b.name} diameters are ${off.toFixed(1)}° from perpendicular (tolerance ${ORTHOGONALITY_TOLERANCE_DEG}°).`);
      }
    }
  }
  return warnings;
}

function consistencyWarnings(axes: readonly Axis[]): string[] {
  const measurements = axes.map((a) => a.measurement);
  const warnings: string[] = [];
  if (new Set(measurements.map((m) => m.studyInstanceUid)).size > 1) {
    warnings.push('The diameters come from different studies.');
  }
  if (new Set(measurements.map((m) => m.frameOfReferenceUid)).size > 1) {
    warnings.push('The diameters are in different frames of reference: their orthogonality cannot be checked.');
  }
  return warnings;
}

/** The axis of a sagittal or coronal bidirectional that runs more craniocaudally (long or short). */
export function craniocaudalAxis(m: Pick<BidirectionalMeasurement, 'long' | 'short'>): Segment {
  return component(m.long, Z) >= component(m.short, Z) ? m.long : m.short;
}

function yComponent(segment: Segment): number {
  return component(segment, Y);
}

function component(segment: Segment, axis: Vec3): number {
  const d = sub(segment[1], segment[0]);
  return length(d) === 0 ? 0 : Math.abs(dot(normalize(d), axis));
}
