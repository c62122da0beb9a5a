import { dot, normalize, type Vec3 } from '../geometry/vec3';
import { sliceNormal } from './orientation';
import type { FrameGeometry, ImageOrientation, SeriesFrame } from './types';

/** Geometry of a series frame as stored in its instance (null fields when the instance lacks them). */
export function geometryOf(frame: SeriesFrame): FrameGeometry | null {
  return frame.instance.frames[frame.frameIndex] ?? null;
}

export function orientationOf(frame: SeriesFrame): ImageOrientation | null {
  return geometryOf(frame)?.imageOrientationPatient ?? null;
}

/** Unit slice normal of a frame, or null without a usable orientation. */
export function normalOf(frame: SeriesFrame): Vec3 | null {
  const iop = orientationOf(frame);
  if (!iop) return null;
  try {
    return normalize(sliceNormal(iop));
  } catch {
    return null;
  }
}

/** Distance along `normal` of the frame's position. */
export function projection(frame: SeriesFrame, normal: Vec3): number {
  return frame.position ? dot(frame.position, normal) : Number.NaN;
}

/** Stable order when geometry cannot decide: instance number, frame index, file name. */
export function compareByInstance(a: SeriesFrame, b: SeriesFrame): number {
  const ai = a.instance.instanceNumber ?? Number.MAX_SAFE_INTEGER;
  const bi = b.instance.instanceNumber ?? Number.MAX_SAFE_INTEGER;
  if (ai !== bi) return ai - bi;
  if (a.instance.fileName !== b.instance.fileName) return a.instance.fileName < b.instance.fileName ? -1 : 1;
  return a.frameIndex - b.frameIndex;
}

/** "1 image" / "20 images". */
export function imageCount(n: number): string {
  return `${n} ${n === 1 ? 'image' : 'images'}`;
}
