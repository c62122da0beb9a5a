import { cross, dot, length, normalize, sub, type Vec3 } from '../geometry/vec3';
import { ORTHOGONALITY_TOLERANCE_DEG } from '../measure/orthogonalDiameters';
import type { Measurement } from '../measure/types';

export type Plane = 'axial' | 'sagittal' | 'coronal' | 'oblique';

const AXES: readonly [Exclude<Plane, 'oblique'>, Vec3][] = [
  ['axial', [0, 0, 1]],
  ['sagittal', [1, 0, 0]],
  ['coronal', [0, 1, 0]],
];
const COS_TOLERANCE = Math.cos((ORTHOGONALITY_TOLERANCE_DEG * Math.PI) / 180);
const SIN_TOLERANCE = Math.sin((ORTHOGONALITY_TOLERANCE_DEG * Math.PI) / 180);

/** The patient plane whose normal is within the orthogonality tolerance of `normal`, else oblique. */
export function planeOfNormal(normal: Vec3): Plane {
  if (length(normal) === 0) return 'oblique';
  const n = normalize(normal);
  return AXES.find(([, axis]) => Math.abs(dot(n, axis)) >= COS_TOLERANCE)?.[0] ?? 'oblique';
}

/**
 * The plane a diameter was measured in: the view it was drawn in when known; otherwise from its geometry
 * (a bidirectional spans its plane; a length lies in the first patient plane that contains it, axial first).
 * Null for measurements that are no diameter.
 */
export function measurementPlane(m: Measurement): Plane | null {
  if (m.kind !== 'length' && m.kind !== 'bidirectional') return null;
  if (m.viewPlaneNormal) return planeOfNormal(m.viewPlaneNormal);
  if (m.kind === 'bidirectional') return planeOfNormal(cross(sub(m.long[1], m.long[0]), sub(m.short[1], m.short[0])));
  const d = sub(m.points[1], m.points[0]);
  if (length(d) === 0) return 'oblique';
  const u = normalize(d);
  return AXES.find(([, axis]) => Math.abs(dot(u, axis)) <= SIN_TOLERANCE)?.[0] ?? 'oblique';
}
