import { boxSize, type IndexBox } from '../../../segment/core';

/**
 * Opening by reconstruction, on masks of region-growing results: the opened region (thin bridges cut, the
 * seed's component kept) is grown back inside the original region by `steps` 6-connected voxel layers.
 * The lesion regains the boundary voxels that the opening shaved off, while a thin leak (a partial-volume
 * line along the CSF) comes back only `steps` voxels deep. Masks are 0/1 over their boxes; `opened` must lie
 * inside `original`. Returns a mask over `original.box`.
 */
export function reconstructOpening(
  original: { box: IndexBox; mask: Uint8Array },
  opened: { box: IndexBox; mask: Uint8Array },
  steps: number,
): Uint8Array {
  const [nx, ny, nz] = boxSize(original.box);
  const [ox, oy, oz] = boxSize(opened.box);
  let current = new Uint8Array(original.mask.length);
  const d = [opened.box.min[0] - original.box.min[0], opened.box.min[1] - original.box.min[1], opened.box.min[2] - original.box.min[2]];
  for (let k = 0; k < oz; k++)
    for (let j = 0; j < oy; j++)
      for (let i = 0; i < ox; i++) {
        if (opened.mask[i + j * ox + k * ox * oy] === 0) continue;
        current[i + d[0]! + (j + d[1]!) * nx + (k + d[2]!) * nx * ny] = 1;
      }
  const sliceSize = nx * ny;
  for (let step = 0; step < steps; step++) {
    const next = current.slice();
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          const t = i + j * nx + k * sliceSize;
          if (current[t] !== 0 || original.mask[t] === 0) continue;
          if (
            (i > 0 && current[t - 1] !== 0) ||
            (i < nx - 1 && current[t + 1] !== 0) ||
            (j > 0 && current[t - nx] !== 0) ||
            (j < ny - 1 && current[t + nx] !== 0) ||
            (k > 0 && current[t - sliceSize] !== 0) ||
            (k < nz - 1 && current[t + sliceSize] !== 0)
          )
            next[t] = 1;
        }
    current = next;
  }
  return current;
}
