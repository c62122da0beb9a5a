import type { IndexBox, VolumeGrid } from './types';

/**
 * One flag per row of the box (index (j - j0) + (k - k0) * by): 1 when the row holds a non-zero byte within
 * [i0, i1]. Reads 32-bit words where aligned, so sparse labelmaps are skimmed ~4× faster than byte by byte.
 */
export function nonZeroRows(labelmap: Uint8Array, grid: VolumeGrid, box: IndexBox): Uint8Array {
  const [nx, ny] = grid.dimensions;
  const [i0, j0, k0] = box.min;
  const [i1, j1, k1] = box.max;
  const by = j1 - j0 + 1;
  const flags = new Uint8Array(by * (k1 - k0 + 1));
  const wordBase = (4 - (labelmap.byteOffset % 4)) % 4; // byte index in `labelmap` of words[0]
  const nWords = Math.max(0, Math.floor((labelmap.length - wordBase) / 4));
  const words = nWords > 0 ? new Uint32Array(labelmap.buffer, labelmap.byteOffset + wordBase, nWords) : new Uint32Array(0);
  for (let k = k0; k <= k1; k++) {
    for (let j = j0; j <= j1; j++) {
      const a = j * nx + k * nx * ny + i0;
      const end = a + (i1 - i0) + 1; // exclusive
      // Whole words inside [a, end): [wa, wb); bytes before and after are read one by one.
      const wa = Math.max(0, Math.ceil((a - wordBase) / 4));
      const wb = Math.max(wa, Math.floor((end - wordBase) / 4));
      const headEnd = Math.min(end, wa * 4 + wordBase);
      let hit = false;
      for (let t = a; t < headEnd && !hit; t++) hit = labelmap[t] !== 0;
      for (let w = wa; w < wb && !hit; w++) hit = words[w] !== 0;
      for (let t = Math.max(headEnd, wb * 4 + wordBase); t < end && !hit; t++) hit = labelmap[t] !== 0;
      if (hit) flags[j - j0 + (k - k0) * by] = 1;
    }
  }
  return flags;
}
