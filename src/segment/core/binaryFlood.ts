import type { Connectivity } from './types';

const DJ6 = Int8Array.of(-1, 1, 0, 0);
const DK6 = Int8Array.of(0, 0, -1, 1);
const DJ26 = Int8Array.of(-1, 0, 1, -1, 1, -1, 0, 1);
const DK26 = Int8Array.of(-1, -1, -1, 0, 0, 1, 1, 1);

/**
 * Scanline flood over an nx×ny×nz byte volume: every voxel equal to `from` that is connected to one of
 * the seeds through voxels equal to `from` is set to `to` (from !== to). Returns the number relabelled.
 * With nz = 1 and 6-connectivity this is a 4-connected 2D flood.
 */
export function floodReplace(
  mask: Uint8Array,
  nx: number,
  ny: number,
  nz: number,
  seeds: ArrayLike<number>,
  from: number,
  to: number,
  connectivity: Connectivity = 6,
): number {
  if (from === to) throw new RangeError('floodReplace: from and to must differ');
  const slice = nx * ny;
  const dj = connectivity === 26 ? DJ26 : DJ6;
  const dk = connectivity === 26 ? DK26 : DK6;
  const widen = connectivity === 26 ? 1 : 0;
  let stack = new Uint32Array(Math.max(1 << 12, seeds.length));
  let sp = 0;
  for (let n = 0; n < seeds.length; n++) {
    const t = seeds[n]!;
    if (mask[t] === from) stack[sp++] = t;
  }
  let count = 0;
  while (sp > 0) {
    const idx = stack[--sp]!;
    if (mask[idx] !== from) continue;
    const k = Math.floor(idx / slice);
    const rem = idx - k * slice;
    const j = Math.floor(rem / nx);
    const i = rem - j * nx;
    const row = idx - i;
    let l = i;
    while (l > 0 && mask[row + l - 1] === from) l--;
    let r = i;
    while (r < nx - 1 && mask[row + r + 1] === from) r++;
    for (let t = row + l; t <= row + r; t++) mask[t] = to;
    count += r - l + 1;
    const a = l - widen < 0 ? 0 : l - widen;
    const b = r + widen > nx - 1 ? nx - 1 : r + widen;
    for (let n = 0; n < dj.length; n++) {
      const jj = j + dj[n]!;
      const kk = k + dk[n]!;
      if (jj < 0 || jj >= ny || kk < 0 || kk >= nz) continue;
      const base = jj * nx + kk * slice;
      let inRun = false;
      for (let x = a; x <= b; x++) {
        const t = base + x;
        if (mask[t] === from) {
          if (!inRun) {
            if (sp === stack.length) {
              const bigger = new Uint32Array(stack.length * 2);
              bigger.set(stack);
              stack = bigger;
            }
            stack[sp++] = t;
            inRun = true;
          }
        } else {
          inRun = false;
        }
      }
    }
  }
  return count;
}

/** Linear indices of the voxels on the faces of an nx×ny×nz box. */
export function boxBorderIndices(nx: number, ny: number, nz: number): Uint32Array {
  const out: number[] = [];
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const onFace = k === 0 || k === nz - 1 || j === 0 || j === ny - 1;
      const row = j * nx + k * nx * ny;
      if (onFace) {
        for (let i = 0; i < nx; i++) out.push(row + i);
      } else {
        out.push(row);
        if (nx > 1) out.push(row + nx - 1);
      }
    }
  }
  return Uint32Array.from(out);
}

/** Linear indices of the pixels on the edges of an nx×ny rectangle. */
export function rectBorderIndices(nx: number, ny: number): Uint32Array {
  const out: number[] = [];
  for (let j = 0; j < ny; j++) {
    if (j === 0 || j === ny - 1) {
      for (let i = 0; i < nx; i++) out.push(i + j * nx);
    } else {
      out.push(j * nx);
      if (nx > 1) out.push(j * nx + nx - 1);
    }
  }
  return Uint32Array.from(out);
}

/**
 * Keeps only the connected component of set (non-zero) voxels containing `seed`; all other voxels become 0,
 * the component's voxels become 1. Returns the component size (0 when the seed is not set: mask cleared).
 */
export function keepComponent(mask: Uint8Array, nx: number, ny: number, nz: number, seed: number, connectivity: Connectivity): number {
  for (let t = 0; t < mask.length; t++) if (mask[t] !== 0) mask[t] = 1;
  const n = mask[seed] === 1 ? floodReplace(mask, nx, ny, nz, [seed], 1, 2, connectivity) : 0;
  for (let t = 0; t < mask.length; t++) mask[t] = mask[t] === 2 ? 1 : 0;
  return n;
}
