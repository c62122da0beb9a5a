import { cache } from '@cornerstonejs/core';
import type { SeriesNode } from '../dicom/types';
import { decideVolumeBudget, type BudgetDecision, type RenderLimits, type VolumeShape } from '../dicom/volumeBudget';

const GB = 1024 * 1024 * 1024;

interface GpuLimits {
  max3DTextureSize: number;
  norm16Textures: boolean;
}

let gpuLimits: GpuLimits | null | undefined;

/** Read once from a throw-away WebGL2 context (released at once); null when the browser has no WebGL2. */
function readGpuLimits(): GpuLimits | null {
  if (gpuLimits !== undefined) return gpuLimits;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return (gpuLimits = null);
  gpuLimits = {
    max3DTextureSize: gl.getParameter(gl.MAX_3D_TEXTURE_SIZE) as number,
    norm16Textures: gl.getExtension('EXT_texture_norm16') !== null,
  };
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return gpuLimits;
}

/**
 * What the volume may take: no more than Cornerstone's image cache holds, nor half the device's memory
 * (navigator.deviceMemory, which Chromium reports up to 8 GB; 4 GB assumed where it is not reported).
 */
function memoryBudgetBytes(): number {
  const deviceGb = (navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? 4;
  return Math.min(cache.getMaxCacheSize(), (deviceGb / 2) * GB);
}

export function renderLimits(): RenderLimits | null {
  const gpu = readGpuLimits();
  return gpu ? { ...gpu, memoryBudgetBytes: memoryBudgetBytes() } : null;
}

const isIntegral = (value: number): boolean => Number.isInteger(value);

export function volumeShapeOf(series: SeriesNode): VolumeShape {
  const first = series.frames[0]?.instance;
  return {
    columns: series.columns,
    rows: series.rows,
    slices: series.frames.length,
    bitsAllocated: first?.bitsAllocated ?? 16,
    samplesPerPixel: first?.samplesPerPixel ?? 1,
    floatAfterRescale: !!first && !(isIntegral(first.rescaleSlope) && isIntegral(first.rescaleIntercept)),
  };
}

const NO_WEBGL2 = 'This browser has no WebGL2, which MPR needs: this series is shown as a stack only';

/** Checked before a volume is built: a plain reason when the series must stay a stack, else null. */
export function mprBudgetReason(series: SeriesNode): string | null {
  const limits = renderLimits();
  if (!limits) return NO_WEBGL2;
  const decision: BudgetDecision = decideVolumeBudget(volumeShapeOf(series), limits);
  return decision.kind === 'stackOnly' ? decision.reason : null;
}
