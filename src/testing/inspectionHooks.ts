import { imageLoader, metaData } from '@cornerstonejs/core';
import { annotation } from '@cornerstonejs/tools';
import { useViewerStore } from '../state/viewerStore';
import { useMeasurementStore } from '../state/measurementStore';
import { imageIdFor } from '../viewer/imageRegistry';
import { viewportOfSlot } from '../viewer/displayControls';

export interface DecodedStats {
  rows: number;
  columns: number;
  length: number;
  min: number;
  max: number;
  mean: number;
  /** FNV-1a over the decoded values, to compare two encodings of the same image exactly. */
  hash: string;
  /** A few values at fixed positions, to compare with the file read in Node. */
  samples: number[];
  slope: number;
  intercept: number;
  preScaled: boolean;
}

async function decode(fileName: string, frameIndex = 0): Promise<DecodedStats> {
  const instance = useViewerStore.getState().instances.find((i) => i.fileName === fileName || i.fileName.endsWith(`/${fileName}`));
  if (!instance) throw new Error(`${fileName} is not loaded`);
  const image = await imageLoader.loadAndCacheImage(imageIdFor(instance, frameIndex));
  const pixels = image.getPixelData() as ArrayLike<number>;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    hash = Math.imul(hash ^ (v & 0xffff), 0x01000193) >>> 0;
  }
  const step = Math.max(1, Math.floor(pixels.length / 16));
  const samples = Array.from({ length: 16 }, (_, k) => pixels[Math.min(pixels.length - 1, k * step + 7)]!);
  const { preScale } = image;
  return {
    rows: image.rows,
    columns: image.columns,
    length: pixels.length,
    min,
    max,
    mean: sum / pixels.length,
    hash: hash.toString(16),
    samples,
    slope: image.slope,
    intercept: image.intercept,
    preScaled: preScale?.scaled === true,
  };
}

function viewportInfo(slot: number) {
  const viewport = viewportOfSlot(slot);
  if (!viewport) return null;
  const invert = viewport.getProperties()?.invert;
  return { camera: viewport.getCamera(), slice: viewport.getSliceIndex(), slices: viewport.getNumberOfSlices(), invert: invert === true };
}

function worldToPage(slot: number, world: [number, number, number]): [number, number] | null {
  const viewport = viewportOfSlot(slot);
  if (!viewport) return null;
  const [x, y] = viewport.worldToCanvas(world);
  const rect = viewport.element.getBoundingClientRect();
  return [rect.left + x, rect.top + y];
}

function pageToWorld(slot: number, page: [number, number]): number[] | null {
  const viewport = viewportOfSlot(slot);
  if (!viewport) return null;
  const rect = viewport.element.getBoundingClientRect();
  return [...viewport.canvasToWorld([page[0] - rect.left, page[1] - rect.top])];
}

/** UIDs of the annotations Cornerstone holds (drawn or restored). */
function annotationUids(): string[] {
  return annotation.state.getAllAnnotations().flatMap((a) => (a.annotationUID ? [a.annotationUID] : []));
}

/** A drawn annotation as Cornerstone holds it: its tool, handle points (world mm) and image. */
function drawnAnnotation(uid: string): { toolName: string; points: number[][]; referencedImageId: string | null; label: string } | null {
  const drawn = annotation.state.getAnnotation(uid);
  if (!drawn?.metadata) return null;
  const data = drawn.data as { handles?: { points?: number[][] }; contour?: { polyline?: number[][] }; label?: string };
  // A freehand contour keeps its outline as a polyline, not as handles.
  const points = data.handles?.points?.length ? data.handles.points : (data.contour?.polyline ?? []);
  return { toolName: drawn.metadata.toolName, points: points.map((p) => [...p]), referencedImageId: drawn.metadata.referencedImageId ?? null, label: data.label ?? '' };
}

/** Read-only inspection used by the end-to-end tests. */
export const inspectionHooks = { decode, viewportInfo, worldToPage, pageToWorld, annotationUids, drawnAnnotation, store: useViewerStore, measurements: useMeasurementStore, metaData };
