import { utilities, type Types } from '@cornerstonejs/core';
import { renderingEngine, viewportIdForSlot } from './renderingEngine';

export interface WindowPreset {
  id: string;
  label: string;
  width: number;
  center: number;
}

/** Classic CT presets (HU). */
export const CT_PRESETS: readonly WindowPreset[] = [
  { id: 'soft', label: 'Soft tissue', width: 400, center: 40 },
  { id: 'bone', label: 'Bone', width: 2000, center: 500 },
  { id: 'brain', label: 'Brain', width: 80, center: 40 },
  { id: 'lung', label: 'Lung', width: 1500, center: -600 },
];

export function viewportOfSlot(slot: number): Types.IViewport | undefined {
  return renderingEngine().getViewport(viewportIdForSlot(slot));
}

export function setWindow(viewport: Types.IViewport, width: number, center: number): void {
  (viewport as Types.IStackViewport).setProperties({ voiRange: { lower: center - width / 2, upper: center + width / 2 } });
  viewport.render();
}

/** Window from the 1st to the 99th percentile of the displayed image: what an MR needs when its file has no VOI. */
export function histogramWindow(viewport: Types.IViewport): { width: number; center: number } | null {
  const data = (viewport as unknown as { getImageData(): Types.IImageData | undefined }).getImageData();
  const manager = data?.voxelManager as { getCompleteScalarDataArray?(): ArrayLike<number> } | undefined;
  const values = manager?.getCompleteScalarDataArray?.() ?? data?.scalarData;
  if (!values || values.length === 0) return null;
  const stride = Math.max(1, Math.floor(values.length / 200_000));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += stride) sample.push(values[i]!);
  sample.sort((a, b) => a - b);
  const lo = sample[Math.floor(sample.length * 0.01)]!;
  const hi = sample[Math.floor(sample.length * 0.99)]!;
  if (!(hi > lo)) return null;
  return { width: hi - lo, center: (hi + lo) / 2 };
}

export function toggleInvert(viewport: Types.IViewport): void {
  const stack = viewport as Types.IStackViewport;
  const { invert } = stack.getProperties();
  stack.setProperties({ invert: !invert });
  viewport.render();
}

export function resetView(viewport: Types.IViewport): void {
  const v = viewport as Types.IStackViewport;
  v.resetProperties?.();
  v.resetCamera();
  viewport.render();
}

export function scrollSlices(viewport: Types.IViewport, delta: number): void {
  utilities.scroll(viewport, { delta });
}

export function jumpToEnd(viewport: Types.IViewport, end: 'first' | 'last'): void {
  const current = viewport.getSliceIndex();
  const target = end === 'first' ? 0 : viewport.getNumberOfSlices() - 1;
  utilities.scroll(viewport, { delta: target - current });
}

export function zoomBy(viewport: Types.IViewport, factor: number): void {
  const camera = viewport.getCamera();
  if (camera.parallelScale) viewport.setCamera({ parallelScale: camera.parallelScale / factor });
  viewport.render();
}
