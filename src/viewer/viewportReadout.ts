import { Enums, utilities, type Types } from '@cornerstonejs/core';
import type { Vec3 } from '../geometry/vec3';
import { cross, dot } from '../geometry/vec3';
import { shownImageData } from './viewportImageData';
import { directionLetters } from '../dicom';
import type { SeriesNode } from '../dicom/types';
import { acquiredSliceAt, identityOfFrame, type SliceIdentity } from './sliceIdentity';
import { dataDepth, isOutside } from './volumeExtent';
import { anyDecodeFailures, decodeFailureOf, decodeFailuresAmong, type DecodeFailure } from './decodeFailures';
import { imageIdsForSeries } from './imageRegistry';

export interface ViewportReadout {
  /** Place of the displayed plane among the viewport's planes (reconstructed ones for MPR). */
  sliceNumber: number;
  sliceCount: number;
  /** The acquired image on screen (its Instance Number), null for a plane that cuts across the slices. */
  acquired: SliceIdentity | null;
  /** The plane lies beyond the series' data (e.g. moved there by a comparison): there is nothing of it to show. */
  outside: boolean;
  /** Position of the displayed plane along its dominant patient axis, e.g. { axis: 'S', mm: 12.5 }. */
  location: { letter: string; mm: number } | null;
  windowWidth: number | null;
  windowCenter: number | null;
  markers: { top: string; bottom: string; left: string; right: string };
  /** The acquired image on screen could not be decoded: it is not drawn (whatever the canvas still holds is not it). */
  failed: DecodeFailure | null;
  /** Every image of the series that could not be decoded (black in a reconstructed plane). */
  seriesFailures: DecodeFailure[];
}

const negate = (v: Vec3): Vec3 => [-v[0], -v[1], -v[2]];

/** Volume viewports have a getCurrentImageIdIndex too (the nearest image of any plane): only the type tells them apart. */
export function isStack(viewport: Types.IViewport): viewport is Types.IStackViewport {
  return viewport.type === Enums.ViewportType.STACK;
}

/** What the corner overlays show, read from the viewport's camera and display properties. */
export function readViewport(viewport: Types.IViewport, series: SeriesNode): ViewportReadout {
  const camera = viewport.getCamera();
  const up: Vec3 = camera.viewUp ?? [0, -1, 0];
  const normal: Vec3 = camera.viewPlaneNormal ?? [0, 0, 1];
  const focal: Vec3 = camera.focalPoint ?? [0, 0, 0];
  // Screen right in patient space: the camera looks along -viewPlaneNormal with viewUp pointing up.
  const right = cross(up, normal);
  const markers = {
    top: directionLetters(up),
    bottom: directionLetters(negate(up)),
    right: directionLetters(right),
    left: directionLetters(negate(right)),
  };

  const dominant = [0, 1, 2].reduce((best, axis) => (Math.abs(normal[axis]!) > Math.abs(normal[best]!) ? axis : best), 0);
  const sign = normal[dominant]! >= 0 ? 1 : -1;
  const towardPositive: Vec3 = [normal[0] * sign, normal[1] * sign, normal[2] * sign];
  const mm = dot(focal, towardPositive);
  const letter = (['L', 'P', 'S'] as const)[dominant]!;

  const stack = isStack(viewport);
  const acquired = stack ? identityOfFrame(series, viewport.getCurrentImageIdIndex()) : acquiredSliceAt(series, normal, focal);
  const depth = stack ? null : dataDepth(viewport, normal);
  const outside = depth !== null && isOutside(depth, normal, focal);

  const imageIds = anyDecodeFailures() ? safeImageIds(series) : [];
  const seriesFailures = decodeFailuresAmong(imageIds);
  const shownImageId = stack ? viewport.getCurrentImageId() : acquired ? imageIds[acquired.position - 1] : undefined;
  const failed = seriesFailures.length > 0 ? (decodeFailureOf(shownImageId) ?? null) : null;

  const properties = viewport.getProperties() as { voiRange?: { lower: number; upper: number } };
  const voi = properties.voiRange;
  // DICOM's linear VOI (C.11.2.1.2): the range Cornerstone keeps is one narrower than the Window Width.
  const window = voi ? utilities.windowLevel.toWindowLevel(voi.lower, voi.upper) : null;
  return {
    sliceNumber: viewport.getSliceIndex() + 1,
    sliceCount: viewport.getNumberOfSlices(),
    acquired,
    outside,
    location: Number.isFinite(mm) ? { letter, mm } : null,
    windowWidth: window ? window.windowWidth : null,
    windowCenter: window ? window.windowCenter : null,
    markers,
    failed,
    seriesFailures,
  };
}

/** Image ids of the series; none while its files are still being registered. */
function safeImageIds(series: SeriesNode): string[] {
  try {
    return imageIdsForSeries(series);
  } catch {
    return [];
  }
}

/** The stored pixel value after rescale (HU for CT) at a canvas point, or null outside the image. */
export function pixelValueAt(viewport: Types.IViewport, canvasPoint: Types.Point2): number | null {
  const world = viewport.canvasToWorld(canvasPoint);
  const data = shownImageData(viewport);
  const ijk = data?.imageData.worldToIndex?.(world);
  if (!data || !ijk) return null;
  const [i, j, k] = ijk.map(Math.round) as [number, number, number];
  const [nx, ny, nz] = data.dimensions;
  if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return null;
  const manager = data.voxelManager as { getAtIJK(i: number, j: number, k: number): unknown } | undefined;
  const value = manager ? manager.getAtIJK(i, j, k) : data.scalarData[i + j * nx + k * nx * ny];
  return typeof value === 'number' ? value : null;
}
