import { midpoint, type Vec3 } from '../geometry/vec3';
import type { Measurement } from './types';

/** Where a measurement sits, for its vertebral level: the middle of its main line or region. */
export function measurementCentre(m: Measurement): Vec3 {
  switch (m.kind) {
    case 'length':
      return midpoint(m.points[0], m.points[1]);
    case 'bidirectional':
      return midpoint(m.long[0], m.long[1]);
    case 'ellipse':
    case 'freehand': {
      const n = m.points.length || 1;
      const sum = m.points.reduce<[number, number, number]>((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]);
      return [sum[0] / n, sum[1] / n, sum[2] / n];
    }
    case 'probe':
      return m.point;
    case 'arrow':
      return m.points[1];
  }
}
