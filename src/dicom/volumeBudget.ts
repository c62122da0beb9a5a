/**
 * Whether a series can be built as one 3D volume for MPR on this machine, before building it.
 * A volume deeper than the GPU's 3D texture limit uploads as nothing and renders a uniform grey slab;
 * one larger than the memory budget stalls or crashes the tab. Either way the reader gets stack only,
 * with the reason in words.
 */

export interface VolumeShape {
  columns: number;
  rows: number;
  slices: number;
  bitsAllocated: number;
  samplesPerPixel: number;
  /** Rescale slope/intercept not integral: the volume is stored as float32. */
  floatAfterRescale: boolean;
}

export interface RenderLimits {
  /** WebGL2 MAX_3D_TEXTURE_SIZE: the largest width, height and depth of a 3D texture. */
  max3DTextureSize: number;
  /** EXT_texture_norm16: 16-bit data uploads as 16-bit; without it, as 32-bit float. */
  norm16Textures: boolean;
  /** Bytes the volume (voxels in memory plus its texture) may take. */
  memoryBudgetBytes: number;
}

export interface VolumeEstimate {
  voxels: number;
  /** The scalars held in memory (Cornerstone keeps them per slice, one typed array each). */
  scalarBytes: number;
  /** The 3D texture the MPR view uploads. */
  textureBytes: number;
}

export type BudgetDecision =
  | { kind: 'mpr'; estimate: VolumeEstimate }
  | { kind: 'stackOnly'; reason: string; estimate: VolumeEstimate };

const MB = 1024 * 1024;

/** Bytes per voxel as Cornerstone stores it (Uint8, Int16/Uint16, or Float32 when rescaling makes fractions). */
function scalarBytesPerVoxel(shape: VolumeShape): number {
  if (shape.bitsAllocated <= 8) return shape.samplesPerPixel;
  if (shape.bitsAllocated === 16) return shape.floatAfterRescale ? 4 : 2;
  return 4 * shape.samplesPerPixel;
}

export function estimateVolume(shape: VolumeShape, limits: Pick<RenderLimits, 'norm16Textures'>): VolumeEstimate {
  const voxels = shape.columns * shape.rows * shape.slices;
  const perVoxel = scalarBytesPerVoxel(shape);
  const texturePerVoxel = perVoxel === 2 && !limits.norm16Textures ? 4 : perVoxel;
  return { voxels, scalarBytes: voxels * perVoxel, textureBytes: voxels * texturePerVoxel };
}

const formatMb = (bytes: number): string => `${Math.round(bytes / MB).toLocaleString('en-US')} MB`;

export function decideVolumeBudget(shape: VolumeShape, limits: RenderLimits): BudgetDecision {
  const estimate = estimateVolume(shape, limits);
  const max = limits.max3DTextureSize;
  if (shape.slices > max) {
    return {
      kind: 'stackOnly',
      estimate,
      reason: `${shape.slices.toLocaleString('en-US')} slices exceed this graphics card's 3D texture limit of ${max.toLocaleString('en-US')}: MPR would be a blank grey slab, so this series is shown as a stack only`,
    };
  }
  if (shape.columns > max || shape.rows > max) {
    return {
      kind: 'stackOnly',
      estimate,
      reason: `Images of ${shape.columns}×${shape.rows} exceed this graphics card's 3D texture limit of ${max}: this series is shown as a stack only`,
    };
  }
  const total = estimate.scalarBytes + estimate.textureBytes;
  if (total > limits.memoryBudgetBytes) {
    return {
      kind: 'stackOnly',
      estimate,
      reason: `The MPR volume would need about ${formatMb(total)} of memory, more than the ${formatMb(limits.memoryBudgetBytes)} this browser can spare: this series is shown as a stack only`,
    };
  }
  return { kind: 'mpr', estimate };
}
