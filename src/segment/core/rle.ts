/**
 * Run-length encoding of a labelmap: consecutive equal voxels become one (value, length) pair.
 * A lesion labelmap is mostly zeros, so a 256×256×73 volume (4.8 MB) shrinks to a few kilobytes.
 */
export interface RleLabelmap {
  /** Number of voxels decoded. */
  readonly length: number;
  readonly values: Uint8Array;
  /** Run lengths (each ≥ 1), summing to `length`. */
  readonly lengths: Uint32Array;
}

export function encodeRle(data: Uint8Array): RleLabelmap {
  let runs = 0;
  for (let t = 0; t < data.length; t++) if (t === 0 || data[t] !== data[t - 1]) runs++;
  const values = new Uint8Array(runs);
  const lengths = new Uint32Array(runs);
  let r = -1;
  for (let t = 0; t < data.length; t++) {
    if (t === 0 || data[t] !== data[t - 1]) {
      r++;
      values[r] = data[t]!;
    }
    lengths[r]!++;
  }
  return { length: data.length, values, lengths };
}

/** Decodes into `out` (allocated when absent); throws when the runs do not add up to the expected length. */
export function decodeRle(rle: RleLabelmap, out: Uint8Array = new Uint8Array(rle.length)): Uint8Array {
  if (out.length !== rle.length) throw new RangeError(`RLE holds ${rle.length} voxels, the target has ${out.length}`);
  if (rle.values.length !== rle.lengths.length) throw new RangeError('RLE values and lengths differ in count');
  let t = 0;
  for (let r = 0; r < rle.values.length; r++) {
    const n = rle.lengths[r]!;
    if (n < 1 || t + n > out.length) throw new RangeError('RLE run lengths do not match its length');
    out.fill(rle.values[r]!, t, t + n);
    t += n;
  }
  if (t !== out.length) throw new RangeError(`RLE runs cover ${t} of ${out.length} voxels`);
  return out;
}

/** Voxels holding a non-zero value, counted from the runs. */
export function rleNonZeroCount(rle: RleLabelmap): number {
  let n = 0;
  for (let r = 0; r < rle.values.length; r++) if (rle.values[r] !== 0) n += rle.lengths[r]!;
  return n;
}
