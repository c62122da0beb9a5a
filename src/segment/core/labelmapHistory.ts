import { fullBox } from './indexBox';
import { applyDiff, diffAgainstSnapshot, diffByteSize, snapshotBox, type LabelmapDiff } from './labelmapDiff';
import type { IndexBox, VolumeGrid } from './types';
import { assertGridArray } from './volumeGrid';

export interface LabelmapHistoryOptions {
  /** Undo steps kept (oldest dropped first). Default 30. */
  maxDepth?: number;
  /** Upper bound on the bytes held by undo + redo diffs (oldest undo steps dropped first). Default 256 MB. */
  maxBytes?: number;
}

/**
 * Undo/redo for edits of one labelmap, stored as run-compressed diffs.
 * Usage: beginEdit(box) → modify the labelmap inside the box → commitEdit(); or edit(box, () => ...).
 */
export class LabelmapHistory {
  private readonly undoStack: LabelmapDiff[] = [];
  private redoStack: LabelmapDiff[] = [];
  private pending: { box: IndexBox; snapshot: Uint8Array } | null = null;
  private readonly maxDepth: number;
  private readonly maxBytes: number;

  constructor(
    readonly labelmap: Uint8Array,
    readonly grid: VolumeGrid,
    options: LabelmapHistoryOptions = {},
  ) {
    assertGridArray(grid, labelmap.length, 'labelmap');
    this.maxDepth = Math.max(1, options.maxDepth ?? 30);
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  }

  /** Snapshots the region that the coming edit may change (default: the whole labelmap). */
  beginEdit(region?: IndexBox): void {
    const box = region ?? fullBox(this.grid);
    this.pending = { box, snapshot: snapshotBox(this.labelmap, this.grid, box) };
  }

  /** Records the changes since beginEdit; returns the diff (null when nothing changed or no edit was begun). */
  commitEdit(): LabelmapDiff | null {
    const p = this.pending;
    this.pending = null;
    if (!p) return null;
    const diff = diffAgainstSnapshot(p.snapshot, this.labelmap, this.grid, p.box);
    if (diff.voxels === 0) return null;
    this.push(diff);
    return diff;
  }

  /** Restores the region snapshotted by beginEdit and forgets the edit. */
  cancelEdit(): void {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    const diff = diffAgainstSnapshot(p.snapshot, this.labelmap, this.grid, p.box);
    applyDiff(this.labelmap, diff, 'undo');
  }

  /** beginEdit(region); apply(); commitEdit(). */
  edit(region: IndexBox | undefined, apply: () => void): LabelmapDiff | null {
    this.beginEdit(region);
    try {
      apply();
    } catch (e) {
      this.cancelEdit();
      throw e;
    }
    return this.commitEdit();
  }

  /** Records a diff computed elsewhere (its changes must already be in the labelmap). */
  push(diff: LabelmapDiff): void {
    this.undoStack.push(diff);
    this.redoStack = [];
    while (this.undoStack.length > this.maxDepth || (this.undoStack.length > 1 && this.byteSize > this.maxBytes)) this.undoStack.shift();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get depth(): number {
    return this.undoStack.length;
  }

  get byteSize(): number {
    let n = 0;
    for (const d of this.undoStack) n += diffByteSize(d);
    for (const d of this.redoStack) n += diffByteSize(d);
    return n;
  }

  undo(): boolean {
    const d = this.undoStack.pop();
    if (!d) return false;
    applyDiff(this.labelmap, d, 'undo');
    this.redoStack.push(d);
    return true;
  }

  redo(): boolean {
    const d = this.redoStack.pop();
    if (!d) return false;
    applyDiff(this.labelmap, d, 'redo');
    this.undoStack.push(d);
    return true;
  }

  clear(): void {
    this.undoStack.length = 0;
    this.redoStack = [];
    this.pending = null;
  }
}
