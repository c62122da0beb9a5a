import { utilities, type Types } from '@cornerstonejs/core';
import type { SeriesNode } from '../dicom/types';
import { renderingEngine, viewportIdForSlot } from './renderingEngine';
import { isStack } from './viewportReadout';
import { shownImageData } from './viewportImageData';
import { scaleClearingCorners, type CanvasBox, type CornerSizes } from './imageFit';

/** A window preset, reached by its number key (1-7) and the preset menu. */
export type WindowPreset =
  | { slot: number; label: string; kind: 'fixed'; width: number; center: number }
  /** The file's own VOI (0028,1050/1051) of the image on screen. */
  | { slot: number; label: string; kind: 'file' }
  /** Percentiles of the displayed image; `tissueOnly` leaves out the dark background (air) first. */
  | { slot: number; label: string; kind: 'histogram'; low: number; high: number; tissueOnly: boolean };

const FROM_FILE: WindowPreset = { slot: 5, label: 'From file', kind: 'file' };
const AUTO: WindowPreset = { slot: 6, label: 'Auto (histogram 1–99 %)', kind: 'histogram', low: 0.01, high: 0.99, tissueOnly: false };

/** CT windows in HU; 5 and 6 mean the same on every modality. */
export const CT_PRESETS: readonly WindowPreset[] = [
  { slot: 1, label: 'Soft tissue (W 400 L 40)', kind: 'fixed', width: 400, center: 40 },
  { slot: 2, label: 'Bone (W 2000 L 500)', kind: 'fixed', width: 2000, center: 500 },
  { slot: 3, label: 'Spine: discs and canal (W 250 L 50)', kind: 'fixed', width: 250, center: 50 },
  { slot: 4, label: 'Lung (W 1500 L -600)', kind: 'fixed', width: 1500, center: -600 },
  FROM_FILE,
  AUTO,
  { slot: 7, label: 'Brain (W 80 L 40)', kind: 'fixed', width: 80, center: 40 },
];

/** MR intensities have no absolute scale: its windows come from the image's own tissue histogram. */
export const MR_PRESETS: readonly WindowPreset[] = [
  { slot: 1, label: 'Spine T1/T2 (tissue 2–99.5 %)', kind: 'histogram', low: 0.02, high: 0.995, tissueOnly: true },
  { slot: 2, label: 'Brain T1/T2 (tissue 10–96 %)', kind: 'histogram', low: 0.1, high: 0.96, tissueOnly: true },
  FROM_FILE,
  AUTO,
];

const OTHER_PRESETS: readonly WindowPreset[] = [FROM_FILE, AUTO];

export function presetsFor(modality: string): readonly WindowPreset[] {
  if (modality === 'CT') return CT_PRESETS;
  if (modality === 'MR') return MR_PRESETS;
  return OTHER_PRESETS;
}

export function viewportOfSlot(slot: number): Types.IViewport | undefined {
  return renderingEngine().getViewport(viewportIdForSlot(slot));
}

/** Sets a DICOM window (linear VOI): what the overlay reads back is exactly width and center. */
export function setWindow(viewport: Types.IViewport, width: number, center: number): void {
  (viewport as Types.IStackViewport).setProperties({ voiRange: utilities.windowLevel.toLowHighRange(width, center) });
  viewport.render();
}

/** Keeps a window the user had (e.g. across Stack ↔ MPR, which makes a new viewport). */
export function setVoiRange(viewport: Types.IViewport, range: Types.VOIRange): void {
  (viewport as Types.IStackViewport).setProperties({ voiRange: { lower: range.lower, upper: range.upper } });
  viewport.render();
}

export function voiRangeOf(viewport: Types.IViewport): Types.VOIRange | null {
  const { voiRange } = viewport.getProperties() as { voiRange?: Types.VOIRange };
  return voiRange ? { lower: voiRange.lower, upper: voiRange.upper } : null;
}

/** The window of a preset for the image on screen; null when the file has no VOI or the image is flat. */
export function windowForPreset(preset: WindowPreset, viewport: Types.IViewport, fileWindow: { width: number; center: number } | null): { width: number; center: number } | null {
  if (preset.kind === 'fixed') return { width: preset.width, center: preset.center };
  if (preset.kind === 'file') return fileWindow;
  return histogramWindow(viewport, preset.low, preset.high, preset.tissueOnly);
}

/** Window between two percentiles of the displayed data: what an MR needs when its file has no VOI. */
export function histogramWindow(viewport: Types.IViewport, low = 0.01, high = 0.99, tissueOnly = false): { width: number; center: number } | null {
  const data = shownImageData(viewport);
  const manager = data?.voxelManager as { getCompleteScalarDataArray?(): ArrayLike<number> } | undefined;
  const values = manager?.getCompleteScalarDataArray?.() ?? data?.scalarData;
  if (!values || values.length === 0) return null;
  const stride = Math.max(1, Math.floor(values.length / 200_000));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += stride) sample.push(values[i]!);
  sample.sort((a, b) => a - b);
  // Background (air) is the darkest tenth of the range above the minimum.
  const floor = sample[0]! + 0.1 * (sample[sample.length - 1]! - sample[0]!);
  const kept = tissueOnly ? sample.filter((v) => v > floor) : sample;
  if (kept.length === 0) return null;
  const lo = kept[Math.floor((kept.length - 1) * low)]!;
  const hi = kept[Math.floor((kept.length - 1) * high)]!;
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
  fitImage(viewport);
}

/** The overlay corners of each viewport, as its pane measured them: the fitted image leaves them free. */
const overlayCorners = new Map<string, CornerSizes>();
export function setOverlayCorners(viewportId: string, corners: CornerSizes | null): void {
  if (corners) overlayCorners.set(viewportId, corners);
  else overlayCorners.delete(viewportId);
}

/** Fits the image in the viewport (Cornerstone's reset), then zooms out until the corner texts lie beside it. */
export function fitImage(viewport: Types.IViewport): void {
  viewport.resetCamera();
  fitBesideCorners(viewport);
}

/** Zooms a centred image about the canvas centre to the largest size on the canvas and off the overlay corners. */
export function fitBesideCorners(viewport: Types.IViewport): void {
  const corners = overlayCorners.get(viewport.id);
  const box = imageCanvasBox(viewport);
  const { clientWidth: width, clientHeight: height } = viewport.canvas;
  const { parallelScale } = viewport.getCamera();
  if (corners && box && parallelScale && width > 0 && height > 0) {
    const scale = scaleClearingCorners(box, { width, height }, corners);
    if (Number.isFinite(scale) && Math.abs(scale - 1) > 1e-3) viewport.setCamera({ parallelScale: parallelScale / scale });
  }
  fittedCameras.set(viewport, viewport.getCamera());
  viewport.render();
}

/** The camera each viewport was last fitted to: a resize refits only a view the reader has not zoomed or panned since. */
const fittedCameras = new WeakMap<Types.IViewport, Types.ICamera>();
export function isAsFitted(viewport: Types.IViewport): boolean {
  const fitted = fittedCameras.get(viewport);
  return fitted !== undefined && sameZoomAndPan(fitted, viewport.getCamera());
}

/** Same zoom and same pan (scrolling through slices moves the focal point along the normal only). */
function sameZoomAndPan(a: Types.ICamera, b: Types.ICamera): boolean {
  if (!a.parallelScale || !b.parallelScale || Math.abs(a.parallelScale / b.parallelScale - 1) > 1e-6) return false;
  const d = [0, 1, 2].map((i) => (b.focalPoint?.[i] ?? 0) - (a.focalPoint?.[i] ?? 0));
  const n = b.viewPlaneNormal ?? [0, 0, 1];
  const along = d[0]! * n[0] + d[1]! * n[1] + d[2]! * n[2];
  return Math.hypot(d[0]! - along * n[0], d[1]! - along * n[1], d[2]! - along * n[2]) < 1e-3;
}

/** The box on the canvas of the image (a stack's image, a volume's slab seen from the camera), from its grid's corners. */
export function imageCanvasBox(viewport: Types.IViewport): CanvasBox | null {
  const data = shownImageData(viewport);
  if (!data) return null;
  const { dimensions, spacing, direction, origin } = data;
  const box: CanvasBox = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (let corner = 0; corner < 8; corner++) {
    const world = [origin[0], origin[1], origin[2]].map((start, c) => {
      let at = start;
      for (let axis = 0; axis < 3; axis++) {
        // Half a voxel beyond the outer voxel centres: the image's edge as drawn.
        const steps = corner & (1 << axis) ? dimensions[axis]! - 0.5 : -0.5;
        at += direction[axis * 3 + c]! * spacing[axis]! * steps;
      }
      return at;
    }) as Types.Point3;
    const [x, y] = viewport.worldToCanvas(world);
    box.left = Math.min(box.left, x);
    box.right = Math.max(box.right, x);
    box.top = Math.min(box.top, y);
    box.bottom = Math.max(box.bottom, y);
  }
  return Number.isFinite(box.left) ? box : null;
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

/** The file's own window for what is on screen: the current image of a stack, the middle image of a volume (as Cornerstone picks it). */
export function fileWindowOf(viewport: Types.IViewport, series: SeriesNode): { width: number; center: number } | null {
  const index = isStack(viewport) ? viewport.getCurrentImageIdIndex() : Math.floor(series.frames.length / 2);
  const meta = series.frames[index]?.instance;
  const width = meta?.windowWidths[0];
  const center = meta?.windowCenters[0];
  return width !== undefined && center !== undefined && width > 0 ? { width, center } : null;
}

/** Applies the preset with this number (its key) for the series' modality; false when it has none or it gives no window. */
export function applyWindowPreset(viewport: Types.IViewport, series: SeriesNode, slot: number): boolean {
  const preset = presetsFor(series.modality).find((p) => p.slot === slot);
  const window = preset ? windowForPreset(preset, viewport, fileWindowOf(viewport, series)) : null;
  if (!window) return false;
  setWindow(viewport, window.width, window.center);
  return true;
}
