import { featureField, squaredEdt3d } from './distanceTransform';

/**
 * Binary morphology with a Euclidean ball of `radius` voxels (index space), computed exactly through
 * distance transforms, so the cost does not grow with the radius. Voxels outside the box count as background.
 */

/** Erosion: voxels whose nearest background voxel is farther than `radius`. Returns a new 0/1 mask. */
export function erodeBall(mask: Uint8Array, nx: number, ny: number, nz: number, radius: number): Uint8Array {
  const d = featureField(mask, false);
  squaredEdt3d(d, nx, ny, nz);
  const out = new Uint8Array(mask.length);
  const r2 = radius * radius;
  // The box faces border on (virtual) background: clamp by the distance to the faces.
  for (let k = 0; k < nz; k++) {
    const dk = Math.min(k + 1, nz - k);
    for (let j = 0; j < ny; j++) {
      const dj = Math.min(j + 1, ny - j);
      const row = j * nx + k * nx * ny;
      for (let i = 0; i < nx; i++) {
        const di = Math.min(i + 1, nx - i);
        const face = Math.min(di, dj, dk);
        const v = Math.min(d[row + i]!, face * face);
        out[row + i] = v > r2 ? 1 : 0;
      }
    }
  }
  return out;
}

/** Dilation: voxels within `radius` of a set voxel. Returns a new 0/1 mask. */
export function dilateBall(mask: Uint8Array, nx: number, ny: number, nz: number, radius: number): Uint8Array {
  const d = featureField(mask, true);
  squaredEdt3d(d, nx, ny, nz);
  const out = new Uint8Array(mask.length);
  const r2 = radius * radius;
  for (let t = 0; t < d.length; t++) out[t] = d[t]! <= r2 ? 1 : 0;
  return out;
}

/** Opening (erosion then dilation): removes parts thinner than the ball, such as thin bridges. Result ⊆ mask. */
export function openBall(mask: Uint8Array, nx: number, ny: number, nz: number, radius: number): Uint8Array {
  if (radius <= 0) return mask.slice();
  const opened = dilateBall(erodeBall(mask, nx, ny, nz, radius), nx, ny, nz, radius);
  for (let t = 0; t < opened.length; t++) if (mask[t] === 0) opened[t] = 0;
  return opened;
}
