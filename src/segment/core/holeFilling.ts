import { boxBorderIndices, floodReplace, rectBorderIndices } from './binaryFlood';

const OUTSIDE = 2;

/**
 * Fills enclosed cavities of a 0/1 mask in place: background voxels not 6-connected to the box faces become 1.
 * (6-connected background is the correct dual of a 26-connected object; it also closes cavities for 6-connected ones.)
 * Returns the number of voxels filled.
 */
export function fillHoles3d(mask: Uint8Array, nx: number, ny: number, nz: number): number {
  if (mask.length !== nx * ny * nz) throw new RangeError('fillHoles3d: size mismatch');
  floodReplace(mask, nx, ny, nz, boxBorderIndices(nx, ny, nz), 0, OUTSIDE, 6);
  return settle(mask);
}

/**
 * Fills holes slice by slice along k (each nx×ny slice separately, 4-connected background from the slice edges).
 * Catches cavities that open to the outside through neighbouring slices. Returns the number of voxels filled.
 */
export function fillHolesSlices(mask: Uint8Array, nx: number, ny: number, nz: number): number {
  if (mask.length !== nx * ny * nz) throw new RangeError('fillHolesSlices: size mismatch');
  const border = rectBorderIndices(nx, ny);
  const slice = nx * ny;
  for (let k = 0; k < nz; k++) floodReplace(mask.subarray(k * slice, (k + 1) * slice), nx, ny, 1, border, 0, OUTSIDE, 6);
  return settle(mask);
}

/** Unreached background (0) becomes 1, reached background (OUTSIDE) returns to 0. */
function settle(mask: Uint8Array): number {
  let filled = 0;
  for (let t = 0; t < mask.length; t++) {
    const m = mask[t];
    if (m === 0) {
      mask[t] = 1;
      filled++;
    } else if (m === OUTSIDE) {
      mask[t] = 0;
    }
  }
  return filled;
}
