import { boxSize } from './indexBox';
import type { IndexBox, VolumeGrid } from './types';

/**
 * A labelmap edit as runs: run r covers linear indices starts[r] .. starts[r] + lengths[r] - 1, which all held
 * oldValues[r] before the edit and newValues[r] after it.
 */
export interface LabelmapDiff {
  readonly starts: Uint32Array;
  readonly lengths: Uint32Array;
  readonly oldValues: Uint8Array;
  readonly newValues: Uint8Array;
  /** Number of voxels changed. */
  readonly voxels: number;
}

export function diffByteSize(d: LabelmapDiff): number {
  return d.starts.byteLength + d.lengths.byteLength + d.oldValues.byteLength + d.newValues.byteLength;
}

class RunBuilder {
  starts: number[] = [];
  lengths: number[] = [];
  olds: number[] = [];
  news: number[] = [];
  voxels = 0;
  private end = -2;
  private old = -1;
  private now = -1;

  add(index: number, oldValue: number, newValue: number): void {
    this.voxels++;
    const n = this.starts.length;
    if (index === this.end + 1 && oldValue === this.old && newValue === this.now && n > 0) {
      this.lengths[n - 1]!++;
    } else {
      this.starts.push(index);
      this.lengths.push(1);
      this.olds.push(oldValue);
      this.news.push(newValue);
      this.old = oldValue;
      this.now = newValue;
    }
    this.end = index;
  }

  build(): LabelmapDiff {
    return {
      starts: Uint32Array.from(this.starts),
      lengths: Uint32Array.from(this.lengths),
      oldValues: Uint8Array.from(this.olds),
      newValues: Uint8Array.from(this.news),
      voxels: this.voxels,
    };
  }
}

/** Diff of two whole labelmaps of equal length. */
export function diffLabelmaps(before: Uint8Array, after: Uint8Array): LabelmapDiff {
  if (before.length !== after.length) throw new RangeError('diffLabelmaps: length mismatch');
  const b = new RunBuilder();
  for (let t = 0; t < after.length; t++) {
    const o = before[t]!;
    const n = after[t]!;
    if (o !== n) b.add(t, o, n);
  }
  return b.build();
}

/** Box-sized copy of a labelmap region (row order i, then j, then k). */
export function snapshotBox(labelmap: Uint8Array, grid: VolumeGrid, box: IndexBox): Uint8Array {
  const [nx, ny] = grid.dimensions;
  const [bx, by, bz] = boxSize(box);
  const out = new Uint8Array(bx * by * bz);
  for (let k = 0; k < bz; k++) {
    for (let j = 0; j < by; j++) {
      const src = box.min[0] + (j + box.min[1]) * nx + (k + box.min[2]) * nx * ny;
      out.set(labelmap.subarray(src, src + bx), (j + k * by) * bx);
    }
  }
  return out;
}

/** Diff between a snapshot taken with snapshotBox and the current labelmap over the same box. */
export function diffAgainstSnapshot(snapshot: Uint8Array, labelmap: Uint8Array, grid: VolumeGrid, box: IndexBox): LabelmapDiff {
  const [nx, ny] = grid.dimensions;
  const [bx, by, bz] = boxSize(box);
  if (snapshot.length !== bx * by * bz) throw new RangeError('diffAgainstSnapshot: snapshot does not match the box');
  const b = new RunBuilder();
  for (let k = 0; k < bz; k++) {
    for (let j = 0; j < by; j++) {
      const src = box.min[0] + (j + box.min[1]) * nx + (k + box.min[2]) * nx * ny;
      const snap = (j + k * by) * bx;
      for (let i = 0; i < bx; i++) {
        const o = snapshot[snap + i]!;
        const n = labelmap[src + i]!;
        if (o !== n) b.add(src + i, o, n);
      }
    }
  }
  return b.build();
}

/** Writes the diff's old values ('undo') or new values ('redo') into the labelmap. */
export function applyDiff(labelmap: Uint8Array, diff: LabelmapDiff, direction: 'undo' | 'redo'): void {
  const values = direction === 'undo' ? diff.oldValues : diff.newValues;
  for (let r = 0; r < diff.starts.length; r++) {
    const s = diff.starts[r]!;
    labelmap.fill(values[r]!, s, s + diff.lengths[r]!);
  }
}
