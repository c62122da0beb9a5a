import { boxSize } from './indexBox';
import type { IndexBox, VolumeGrid } from './types';

/**
 * Writes a box-sized 0/1 mask back into a labelmap (voxels outside the grid are skipped).
 * mode 'replace': box voxels become `label` where mask is 1 and 0 where it is 0 (only voxels that held `label` are cleared);
 * mode 'add': only sets `label` where mask is 1.
 * mode 'free': sets `label` where mask is 1 and the voxel holds no other label (another lesion stays whole).
 */
export function pasteMask(
  labelmap: Uint8Array,
  grid: VolumeGrid,
  box: IndexBox,
  mask: Uint8Array,
  label: number,
  mode: 'replace' | 'add' | 'free' = 'add',
): void {
  const [nx, ny, nz] = grid.dimensions;
  const [bx, by, bz] = boxSize(box);
  if (mask.length !== bx * by * bz) throw new RangeError('Mask size does not match the box');
  const i0 = Math.max(0, box.min[0]);
  const i1 = Math.min(nx - 1, box.max[0]);
  const replace = mode === 'replace';
  const free = mode === 'free';
  for (let k = Math.max(0, box.min[2]); k <= Math.min(nz - 1, box.max[2]); k++) {
    for (let j = Math.max(0, box.min[1]); j <= Math.min(ny - 1, box.max[1]); j++) {
      const dstRow = j * nx + k * nx * ny;
      const srcRow = (j - box.min[1]) * bx + (k - box.min[2]) * bx * by - box.min[0];
      for (let i = i0; i <= i1; i++) {
        if (mask[srcRow + i] !== 0) {
          if (!free || labelmap[dstRow + i] === 0) labelmap[dstRow + i] = label;
        }
        else if (replace && labelmap[dstRow + i] === label) labelmap[dstRow + i] = 0;
      }
    }
  }
}
