import type { SeriesNode } from '../../dicom/types';
import {
  LabelmapHistory,
  decodeRle,
  encodeRle,
  interpolateSlices,
  labelStats,
  pasteMask,
  type Index3,
  type LabelStats,
  type RegionGrowOptions,
  type RleLabelmap,
  type SliceAxis,
} from '../../segment/core';
import type { SegmentClient } from '../../segment/worker/segmentClient';
import { createLabelmapSegmentation, readLabelmap, removeLabelmapSegmentation, writeLabelmap } from './labelmapImages';
import { reconstructOpening } from './reconstructOpening';
import { loadedVolume, type LoadedVolume } from './volumeSource';

const LABEL = 1;
const OPENING_RADIUS = 1;
const RECONSTRUCTION_STEPS = 2;

export interface GrowOutcome {
  voxelCount: number;
  range: [number, number];
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

  /**
   * Grows from the seed in the worker and adds the region; replaceLast undoes the previous grow first.
   * Thin leaks (e.g. a partial-volume line along the CSF on thick MR slices) are cut by an opening by
   * reconstruction: the opened region grown back RECONSTRUCTION_STEPS voxels inside the plain one.
   */
  async grow(client: SegmentClient, seed: Index3, options: RegionGrowOptions, replaceLast: boolean): Promise<GrowOutcome> {
    const t0 = performance.now();
    const [plain, opened] = await Promise.all([
      client.regionGrow(this.volume.scalars, this.grid, seed, options),
      client.regionGrow(this.volume.scalars, this.grid, seed, { ...options, openingRadius: OPENING_RADIUS }),
    ]);
    if (replaceLast && this.lastGrowOnTop) this.history.undo();
    const bounds = plain.bounds;
    let voxelCount = 0;
    if (bounds) {
      const mask = opened.bounds ? reconstructOpening({ box: bounds, mask: plain.mask }, { box: opened.bounds, mask: opened.mask }, RECONSTRUCTION_STEPS) : plain.mask;
      for (const v of mask) voxelCount += v;
      this.history.edit(bounds, () => pasteMask(this.labelmap, this.grid, bounds, mask, LABEL, 'add'));
    }
    this.lastSeed = seed;
    this.lastGrowOnTop = bounds !== null;
    this.push();
    return { voxelCount, range: plain.range, ms: performance.now() - t0, workerMs: plain.timeMs + opened.timeMs };
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
  interpolate(axis: SliceAxis): number {
    let added = 0;
    this.history.edit(undefined, () => {
      added = interpolateSlices(this.labelmap, this.grid, LABEL, axis).voxelsAdded;
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

  stats(): LabelStats {
    return labelStats(this.labelmap, this.grid, LABEL);
  }

  toRle(): RleLabelmap {
    return encodeRle(this.labelmap);
  }

  /** Replaces the labelmap with a saved one (not an undo step). */
  restore(rle: RleLabelmap): void {
    decodeRle(rle, this.labelmap);
    this.history.clear();
    this.push();
  }

  dispose(): void {
    removeLabelmapSegmentation(this.segmentationId);
  }

  private push(): void {
    writeLabelmap(this.segmentationId, this.labelImageIds, this.labelmap);
  }
}
