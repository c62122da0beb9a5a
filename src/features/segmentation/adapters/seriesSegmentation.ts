import type { SeriesNode } from '../../../dicom/types';
import {
  LabelmapHistory,
  decodeRle,
  encodeRle,
  gapBeside,
  isInsideGrid,
  worldToIndex,
  interpolateSlices,
  labelStats,
  pasteMask,
  type AdaptiveGrowOptions,
  type Index3,
  type IntensityModel,
  type LabelStats,
  type RleLabelmap,
  type SliceAxis,
  type SliceBlock,
  type VolumeGrid,
} from '../../../segment/core';
import type { Vec3 } from '../../../geometry/vec3';
import type { SegmentClient } from '../worker/segmentClient';
import { createLabelmapSegmentation, readLabelmap, removeLabelmapSegmentation, writeLabelmap } from './labelmapImages';
import { loadedVolume, type LoadedVolume } from './volumeSource';

export interface GrowOutcome {
  label: number;
  voxelCount: number;
  truncated: boolean;
  /** The region reaches the edge of the images or of the block of slices it was confined to. */
  touchesLimit: boolean;
  /** Where the gap is when the region reaches the end of its block of slices at a gap (its volume beyond is unknown). */
  reachesGap: string | null;
  model: IntensityModel;
  /** Main-thread wall time from the request to the labelmap written. */
  ms: number;
  workerMs: number;
}

/**
 * The segmentation of one series: the Cornerstone labelmap images, our full-volume copy of them (what
 * region growing, statistics, undo and saving work on) and the undo history of that copy.
 */
export class SeriesSegmentation {
  readonly labelmap: Uint8Array;
  readonly history: LabelmapHistory;
  lastSeed: Index3 | null = null;
  /** Options of the last grow (bounds, line), reused when the edge level changes. */
  lastOptions: AdaptiveGrowOptions = {};
  /** How the last grow started (a click or a line), for the summary's method when the edge level re-runs it. */
  lastMethod: 'grow' | 'line' = 'grow';
  /** True while the top undo step is the last grow, so a new tolerance replaces it instead of adding. */
  private lastGrowOnTop = false;

  private constructor(
    readonly segmentationId: string,
    readonly series: SeriesNode,
    readonly volume: LoadedVolume,
    readonly labelImageIds: string[],
  ) {
    this.labelmap = new Uint8Array(volume.scalars.length);
    this.history = new LabelmapHistory(this.labelmap, volume.grid);
  }

  static async create(series: SeriesNode, segmentationId: string): Promise<SeriesSegmentation> {
    const volume = await loadedVolume(series);
    const ids = createLabelmapSegmentation(segmentationId, volume.imageIds, series.description || 'Segmentation');
    return new SeriesSegmentation(segmentationId, series, volume, ids);
  }

  get grid() {
    return this.volume.grid;
  }

  /** The block of evenly spaced slices holding slice k. */
  blockOf(k: number): SliceBlock {
    return this.volume.blocks.find((b) => k >= b.k0 && k <= b.k1) ?? this.volume.blocks[0]!;
  }

  /** The voxel whose centre is nearest a world point, in the block of slices the point falls in; null outside the volume. */
  nearestVoxel(world: Vec3): Index3 | null {
    for (const block of this.volume.blocks) {
      const f = worldToIndex(block.grid, world);
      const index: Index3 = [Math.round(f[0]), Math.round(f[1]), Math.round(f[2])];
      if (index[2] >= block.k0 && index[2] <= block.k1 && isInsideGrid(block.grid, index)) return index;
    }
    return null;
  }

  /** The true grid where a world point lies (its block's), for reading a line drawn there. */
  gridAt(world: Vec3): VolumeGrid {
    const seed = this.nearestVoxel(world);
    return seed ? this.blockOf(seed[2]).grid : this.grid;
  }

  /**
   * Grows from the seed in the worker (adaptiveGrow: the intensity model is learnt from the region) and adds the
   * region to segment `label`, never over another lesion's voxels; replaceLast undoes the previous grow first.
   */
  async grow(client: SegmentClient, seed: Index3, options: AdaptiveGrowOptions, replaceLast: boolean, label: number): Promise<GrowOutcome> {
    const t0 = performance.now();
    // Within the block of slices holding the seed, on its true grid; a region reaching a gap is flagged.
    const block = this.blockOf(seed[2]);
    const gapped = this.volume.blocks.length > 1;
    const [nx, ny] = this.grid.dimensions;
    const bounds0 = gapped ? { min: [0, 0, block.k0] as const, max: [nx - 1, ny - 1, block.k1] as const } : undefined;
    const r = await client.adaptiveGrow(this.volume.scalars, block.grid, seed, { ...options, ...(bounds0 ? { bounds: bounds0 } : {}) });
    if (replaceLast && this.lastGrowOnTop) this.history.undo();
    const bounds = r.bounds;
    if (bounds) this.history.edit(bounds, () => pasteMask(this.labelmap, this.grid, bounds, r.mask, label, 'free'));
    this.lastSeed = seed;
    this.lastOptions = options;
    this.lastGrowOnTop = bounds !== null;
    this.push();
    const reachesGap = gapped && bounds ? gapBeside(this.volume.blocks, block, bounds.min[2] === block.k0, bounds.max[2] === block.k1) : null;
    const [, , nz] = this.grid.dimensions;
    // With a gap, the block's ends are not the images' edge: reaching a gap is said as such (reachesGap).
    const touchesLimit = gapped ? bounds !== null && touchesEdge(bounds, nx, ny, nz) : r.touchesLimit;
    return { label, voxelCount: r.voxelCount, truncated: r.truncated, touchesLimit, reachesGap, model: r.model, ms: performance.now() - t0, workerMs: r.timeMs };
  }

  /** Takes in what the brush or eraser wrote into the Cornerstone images as one undo step; true when something changed. */
  syncFromImages(): boolean {
    this.history.beginEdit();
    readLabelmap(this.labelImageIds, this.labelmap);
    const changed = this.history.commitEdit() !== null;
    if (changed) this.lastGrowOnTop = false;
    return changed;
  }

  undo(): boolean {
    const done = this.history.undo();
    this.lastGrowOnTop = false;
    if (done) this.push();
    return done;
  }

  redo(): boolean {
    const done = this.history.redo();
    this.lastGrowOnTop = false;
    if (done) this.push();
    return done;
  }

  /** Fills the slices between painted slices (along the given volume axis); returns the voxels added. */
  interpolate(axis: SliceAxis, label: number): number {
    let added = 0;
    this.history.edit(undefined, () => {
      added = interpolateSlices(this.labelmap, this.grid, label, axis).voxelsAdded;
    });
    this.lastGrowOnTop = false;
    if (added > 0) this.push();
    return added;
  }

  clear(): void {
    this.history.edit(undefined, () => this.labelmap.fill(0));
    this.lastGrowOnTop = false;
    this.lastSeed = null;
    this.push();
  }

  /** Volume and diameters on the true grid of the block the label lies in (its first voxel's). */
  stats(label: number): LabelStats {
    const first = this.volume.blocks.length > 1 ? this.labelmap.indexOf(label) : -1;
    const [nx, ny] = this.grid.dimensions;
    const grid = first >= 0 ? this.blockOf(Math.floor(first / (nx * ny))).grid : this.grid;
    return labelStats(this.labelmap, grid, label);
  }

  /** The labels present in the labelmap. */
  labels(): number[] {
    const seen = new Uint8Array(256);
    for (const v of this.labelmap) seen[v] = 1;
    const out: number[] = [];
    for (let l = 1; l < 256; l++) if (seen[l]) out.push(l);
    return out;
  }

  /** One lesion's voxels, saved as a 0/1 run-length mask. */
  toRle(label: number): RleLabelmap {
    return encodeRle(this.labelmap.map((v) => (v === label ? 1 : 0)));
  }

  /** Adds a saved lesion mask as `label` (not an undo step). */
  restore(rle: RleLabelmap, label: number): void {
    const mask = new Uint8Array(this.labelmap.length);
    decodeRle(rle, mask);
    for (let v = 0; v < mask.length; v++) if (mask[v] && this.labelmap[v] === 0) this.labelmap[v] = label;
    this.history.clear();
    this.push();
  }

  /** Empties one lesion's segment (an undo step). */
  clearLabel(label: number): void {
    this.history.edit(undefined, () => {
      for (let v = 0; v < this.labelmap.length; v++) if (this.labelmap[v] === label) this.labelmap[v] = 0;
    });
    this.lastGrowOnTop = false;
    this.push();
  }

  dispose(): void {
    removeLabelmapSegmentation(this.segmentationId);
  }

  private push(): void {
    writeLabelmap(this.segmentationId, this.labelImageIds, this.labelmap);
  }
}

function touchesEdge(b: { min: Index3; max: Index3 }, nx: number, ny: number, nz: number): boolean {
  return b.min[0] === 0 || b.min[1] === 0 || b.min[2] === 0 || b.max[0] === nx - 1 || b.max[1] === ny - 1 || b.max[2] === nz - 1;
}
