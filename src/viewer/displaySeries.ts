import { Enums, StackViewport, cache, volumeLoader, setVolumesForViewports, type Types } from '@cornerstonejs/core';
import type { SeriesNode } from '../dicom/types';
import type { ViewMode } from '../state/viewerStore';
import { imageIdsForSeries, reloadFileBytes } from './imageRegistry';
import { decodeFailureOf } from './decodeFailures';
import { renderingEngine } from './renderingEngine';
import { mprBudgetReason } from './volumeBudget';
import { attachViewport, detachViewport } from './toolGroup';
import { installFastImageLoader } from './volumeLoading/fastImageLoader';

const ORIENTATION: Record<Exclude<ViewMode, 'stack'>, Enums.OrientationAxis> = {
  axial: Enums.OrientationAxis.AXIAL,
  sagittal: Enums.OrientationAxis.SAGITTAL,
  coronal: Enums.OrientationAxis.CORONAL,
};

export type LoadProgress = (loaded: number, total: number) => void;

/** Called after a viewport shows a series (e.g. to draw its segmentation there). */
export type SeriesDisplayedListener = (viewportId: string, series: SeriesNode) => void;
const displayedListeners = new Set<SeriesDisplayedListener>();
export function onSeriesDisplayed(listener: SeriesDisplayedListener): () => void {
  displayedListeners.add(listener);
  return () => displayedListeners.delete(listener);
}
function announceDisplayed(viewportId: string, series: SeriesNode): void {
  for (const listener of displayedListeners) listener(viewportId, series);
}

export const volumeIdFor = (series: SeriesNode): string => `cornerstoneStreamingImageVolume:${series.key}`;

/**
 * Puts a series in the viewport of a slot, as a stack or as an MPR plane of its volume. A preview (the first
 * image of files still being read) is not announced: features attach to the series once all of it is there.
 */
export async function displaySeries(
  viewportId: string,
  element: HTMLDivElement,
  series: SeriesNode,
  mode: ViewMode,
  onProgress: LoadProgress,
  preview = false,
): Promise<Types.IViewport> {
  const engine = renderingEngine();
  if (engine.getViewport(viewportId)) {
    detachViewport(viewportId);
    engine.disableElement(viewportId);
  }
  const imageIds = imageIdsForSeries(series);
  // A series no viewport showed for a while let go of its file bytes (seriesLifecycle): read them again first.
  await reloadFileBytes(series.frames.map((f) => f.instance));
  const background: Types.Point3 = [0, 0, 0];

  // Checked before any volume is built: too deep for the GPU's 3D texture or too big for memory stays a stack.
  if (mode === 'stack' || !series.geometry?.isVolume || mprBudgetReason(series) !== null) {
    engine.enableElement({ viewportId, element, type: Enums.ViewportType.STACK, defaultOptions: { background } });
    attachViewport(viewportId);
    const viewport = engine.getViewport(viewportId) as Types.IStackViewport;
    const middle = Math.floor(imageIds.length / 2);
    onProgress(0, 1);
    // A middle image that cannot be decoded still shows the stack: its note stands in its place, the others scroll in.
    await viewport.setStack(imageIds, middle).catch((error: unknown) => {
      if (!decodeFailureOf(imageIds[middle])) throw error;
    });
    onProgress(1, 1);
    viewport.render();
    if (!preview) announceDisplayed(viewportId, series);
    return viewport;
  }

  engine.enableElement({
    viewportId,
    element,
    type: Enums.ViewportType.ORTHOGRAPHIC,
    defaultOptions: { orientation: ORIENTATION[mode], background },
  });
  attachViewport(viewportId);
  const volumeId = volumeIdFor(series);
  let volume = cache.getVolume(volumeId) as Types.IImageVolume | undefined;
  if (!volume) {
    installFastImageLoader();
    volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
    const streaming = volume as unknown as { load(cb: (e: { framesProcessed?: number; numFrames?: number }) => void): void };
    onProgress(0, imageIds.length);
    streaming.load((event) => onProgress(event.framesProcessed ?? 0, event.numFrames ?? imageIds.length));
  }
  await setVolumesForViewports(engine, [{ volumeId }], [viewportId]);
  const viewport = engine.getViewport(viewportId);
  viewport.render();
  announceDisplayed(viewportId, series);
  return viewport;
}

/**
 * A stack whose series grew while shown (its preview, then all its files): the stack takes the new images and
 * keeps the image, camera and window the reader has. False when the viewport is no stack or has these images.
 */
export async function growStack(viewportId: string, series: SeriesNode): Promise<boolean> {
  const viewport = renderingEngine().getViewport(viewportId);
  if (!(viewport instanceof StackViewport)) return false;
  const imageIds = imageIdsForSeries(series);
  const before = viewport.getImageIds();
  if (before.length === imageIds.length && before.every((id, i) => id === imageIds[i])) return false;
  const index = imageIds.indexOf(viewport.getCurrentImageId());
  const camera = viewport.getCamera();
  const properties = viewport.getProperties();
  await viewport.setStack(imageIds, index >= 0 ? index : Math.floor(imageIds.length / 2));
  viewport.setCamera(camera);
  viewport.setProperties(properties);
  viewport.render();
  announceDisplayed(viewportId, series);
  return true;
}

export function releaseViewport(viewportId: string): void {
  const engine = renderingEngine();
  if (!engine.getViewport(viewportId)) return;
  detachViewport(viewportId);
  engine.disableElement(viewportId);
}
