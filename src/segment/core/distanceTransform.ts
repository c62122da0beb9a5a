/**
 * Exact Euclidean distance transforms (Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled
 * Functions", 2012): the squared EDT is separable into 1D lower-envelope-of-parabolas passes along each axis.
 *
 * Input convention: a Float32Array/Float64Array with 0 at feature voxels and Infinity elsewhere.
 * Output (in place): the squared distance to the nearest feature, in units of the given spacing
 * (Infinity when the data holds no feature at all).
 */

export type DistanceArray = Float32Array | Float64Array;

interface LineScratch {
  f: Float64Array;
  v: Int32Array;
  z: Float64Array;
}

function makeScratch(n: number): LineScratch {
  return { f: new Float64Array(n), v: new Int32Array(n), z: new Float64Array(n + 1) };
}

/**
 * One 1D pass over data[start + t*stride], t = 0..n-1: d(p) = min_q f(q) + (w·(p − q))².
 * Parabolas with f = Infinity are skipped, so lines without features stay Infinity.
 */
function edtLine(data: DistanceArray, start: number, stride: number, n: number, w: number, s: LineScratch): void {
  const { f, v, z } = s;
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = data[start + q * stride]!;
    f[q] = fq;
    if (fq === Infinity) continue;
    const xq = w * q;
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    let vk = v[k]!;
    let xv = w * vk;
    let sx = (fq + xq * xq - (f[vk]! + xv * xv)) / (2 * (xq - xv));
    while (sx <= z[k]!) {
      k--;
      vk = v[k]!;
      xv = w * vk;
      sx = (fq + xq * xq - (f[vk]! + xv * xv)) / (2 * (xq - xv));
    }
    k++;
    v[k] = q;
    z[k] = sx;
    z[k + 1] = Infinity;
  }
  if (k < 0) return;
  k = 0;
  for (let p = 0; p < n; p++) {
    const xp = w * p;
    while (z[k + 1]! < xp) k++;
    const vk = v[k]!;
    const dx = xp - w * vk;
    data[start + p * stride] = dx * dx + f[vk]!;
  }
}

/** In-place squared EDT of an nx×ny image (index i + j*nx) with pixel spacing (sx, sy). */
export function squaredEdt2d(data: DistanceArray, nx: number, ny: number, sx = 1, sy = 1): void {
  if (data.length !== nx * ny) throw new RangeError('squaredEdt2d: size mismatch');
  const s = makeScratch(Math.max(nx, ny));
  for (let j = 0; j < ny; j++) edtLine(data, j * nx, 1, nx, sx, s);
  for (let i = 0; i < nx; i++) edtLine(data, i, nx, ny, sy, s);
}

/** In-place squared EDT of an nx×ny×nz volume (index i + j*nx + k*nx*ny) with voxel spacing (sx, sy, sz). */
export function squaredEdt3d(data: DistanceArray, nx: number, ny: number, nz: number, sx = 1, sy = 1, sz = 1): void {
  if (data.length !== nx * ny * nz) throw new RangeError('squaredEdt3d: size mismatch');
  const s = makeScratch(Math.max(nx, ny, nz));
  const slice = nx * ny;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) edtLine(data, j * nx + k * slice, 1, nx, sx, s);
  for (let k = 0; k < nz; k++) for (let i = 0; i < nx; i++) edtLine(data, i + k * slice, nx, ny, sy, s);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) edtLine(data, i + j * nx, slice, nz, sz, s);
}

/**
 * Feature field for a binary mask: 0 where (mask !== 0) === featureIsSet, Infinity elsewhere.
 * featureIsSet = true gives distances to the object; false gives distances to the background.
 */
export function featureField(mask: Uint8Array, featureIsSet: boolean, out?: Float32Array): Float32Array {
  const d = out ?? new Float32Array(mask.length);
  for (let t = 0; t < mask.length; t++) d[t] = (mask[t] !== 0) === featureIsSet ? 0 : Infinity;
  return d;
}
