import { cross, type Vec3 } from '../geometry/vec3';
import type { ImageOrientation, SeriesGeometry, SeriesNode } from './types';

export type OrientationLabel = 'axial' | 'sagittal' | 'coronal' | 'oblique';

/** Planes tilted more than this from axial/sagittal/coronal are called oblique. */
export const OBLIQUE_THRESHOLD_DEG = 30;

/** Components smaller than this (about 12°) get no letter in direction labels. */
const LETTER_THRESHOLD = 0.2;

export function rowCosines(iop: ImageOrientation): Vec3 {
  return [iop[0], iop[1], iop[2]];
}

export function columnCosines(iop: ImageOrientation): Vec3 {
  return [iop[3], iop[4], iop[5]];
}

export function sliceNormal(iop: ImageOrientation): Vec3 {
  return cross(rowCosines(iop), columnCosines(iop));
}

/** Plane of a normal vector: the patient axis it is closest to, or oblique beyond the threshold. */
export function planeOfNormal(normal: Vec3): OrientationLabel {
  const len = Math.hypot(normal[0], normal[1], normal[2]);
  if (len === 0) return 'oblique';
  const [x, y, z] = normal.map((c) => Math.abs(c) / len) as [number, number, number];
  const largest = Math.max(x, y, z);
  if (largest < Math.cos((OBLIQUE_THRESHOLD_DEG * Math.PI) / 180)) return 'oblique';
  if (largest === z) return 'axial';
  return largest === x ? 'sagittal' : 'coronal';
}

export function orientationLabel(iop: ImageOrientation): OrientationLabel {
  return planeOfNormal(sliceNormal(iop));
}

/**
 * Patient-direction letters of a vector in LPS (+x L, +y P, +z S), strongest component first:
 * [1,0,0] → 'L', [0,-0.7,0.7] → 'AS' (ties keep x, y, z order).
 */
export function directionLetters(v: Vec3): string {
  const len = Math.hypot(v[0], v[1], v[2]);
  if (len === 0) return '';
  const axes: Array<[number, string]> = [
    [v[0] / len, v[0] > 0 ? 'L' : 'R'],
    [v[1] / len, v[1] > 0 ? 'P' : 'A'],
    [v[2] / len, v[2] > 0 ? 'S' : 'I'],
  ];
  return axes
    .filter(([c]) => Math.abs(c) >= LETTER_THRESHOLD)
    .sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]))
    .map(([, letter]) => letter)
    .join('');
}

/** Angle in degrees between a normal and the closest patient axis (0 for a true axial/sagittal/coronal plane). */
export function obliqueAngleDeg(normal: Vec3): number {
  const len = Math.hypot(normal[0], normal[1], normal[2]);
  const largest = Math.max(...normal.map((c) => Math.abs(c) / len));
  return (Math.acos(Math.min(1, largest)) * 180) / Math.PI;
}

function geometryPhrase(geometry: SeriesGeometry, count: number): string {
  const plane = planeOfNormal(geometry.normal);
  const tilt = obliqueAngleDeg(geometry.normal);
  const planeText = plane !== 'oblique' && tilt >= 1 ? `${plane} (tilted ${tilt.toFixed(0)}°)` : plane;
  const [rowSpacing, columnSpacing] = geometry.pixelSpacing;
  const parts = [planeText, `${count} ${count === 1 ? 'image' : 'slices'}`, `pixels ${rowSpacing.toFixed(2)} × ${columnSpacing.toFixed(2)} mm`];
  if (geometry.sliceSpacing !== null) parts.push(`spacing ${geometry.sliceSpacing.toFixed(2)} mm${geometry.uniform ? '' : ' (uneven)'}`);
  if (geometry.isVolume) parts.push('volume');
  return parts.join(', ');
}

/** One line for the series list: 'axial, 28 slices, 512×512, pixels 0.45 × 0.45 mm, spacing 5.00 mm, volume'. */
export function describeSeriesGeometry(series: SeriesNode): string {
  const count = series.frames.length;
  const size = `${series.columns}×${series.rows}`;
  if (!series.geometry) return `${count} ${count === 1 ? 'image' : 'images'}, ${size}, no patient geometry`;
  return geometryPhrase(series.geometry, count).replace(/^([^,]+, [^,]+)/, `$1, ${size}`);
}

