import { dot, type Vec3 } from '../geometry/vec3';
import type { SeriesNode } from '../dicom/types';

/** Pure. Which acquired image a displayed plane is, so "Im 29" on screen is image 29 in a PACS. */
export interface SliceIdentity {
  /** 1-based place in the sorted stack. */
  position: number;
  count: number;
  /** (0020,0013) of the file; null when the file has none. */
  instanceNumber: number | null;
}

/** Planes this close (fraction of the slice spacing) to an acquired slice, and parallel to it, are that slice. */
const SAME_SLICE_FRACTION = 0.25;
const PARALLEL_COS = 0.9995;

export function identityOfFrame(series: SeriesNode, index: number): SliceIdentity | null {
  const frame = series.frames[index];
  if (!frame) return null;
  // A frame of a multi-frame object has one Instance Number for all frames: the frame number is what a PACS shows.
  const instanceNumber = frame.instance.numberOfFrames > 1 ? frame.frameIndex + 1 : frame.instance.instanceNumber;
  return { position: index + 1, count: series.frames.length, instanceNumber };
}

/** The acquired slice a reconstructed (MPR) plane coincides with, or null when it cuts across the slices. */
export function acquiredSliceAt(series: SeriesNode, viewNormal: Vec3, focalPoint: Vec3): SliceIdentity | null {
  const geometry = series.geometry;
  if (!geometry || Math.abs(dot(viewNormal, geometry.normal)) < PARALLEL_COS) return null;
  const depth = dot(focalPoint, geometry.normal);
  let best = -1;
  let bestDistance = Infinity;
  series.frames.forEach((frame, i) => {
    if (!frame.position) return;
    const d = Math.abs(dot(frame.position, geometry.normal) - depth);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  const tolerance = Math.max(0.01, SAME_SLICE_FRACTION * (geometry.sliceSpacing ?? 0));
  return best >= 0 && bestDistance <= tolerance ? identityOfFrame(series, best) : null;
}

/** "Im 29 · 12/35": the Instance Number, and the place in the stack beside it when the two differ. */
export function imageLabel(identity: SliceIdentity): string {
  const place = `${identity.position}/${identity.count}`;
  if (identity.instanceNumber === null || identity.instanceNumber === identity.position) return `Im ${place}`;
  return `Im ${identity.instanceNumber} · ${place}`;
}

/** A signed position with one decimal that never reads "-0.0". */
export function formatMillimetres(mm: number): string {
  const tenths = Math.round(mm * 10);
  return (tenths === 0 ? 0 : tenths / 10).toFixed(1);
}
