import type { AdaptiveGrowOptions, AdaptiveGrowResult, Index3, RegionGrowMaskResult, RegionGrowOptions, ScalarArray, VolumeGrid } from '../../../segment/core';

/** Main thread → worker. */
export interface RegionGrowRequest {
  type: 'regionGrow';
  id: number;
  /** Identifies the volume; `scalars` is sent only when it changes (the worker keeps the last volume). */
  volumeKey: number;
  scalars?: ScalarArray;
  grid: VolumeGrid;
  seed: Index3;
  options: RegionGrowOptions;
}

/** Main thread → worker: the region-learning grow (see adaptiveGrow). */
export interface AdaptiveGrowRequest {
  type: 'adaptiveGrow';
  id: number;
  volumeKey: number;
  scalars?: ScalarArray;
  grid: VolumeGrid;
  seed: Index3;
  options: AdaptiveGrowOptions;
}

export type SegmentRequest = RegionGrowRequest | AdaptiveGrowRequest;

/** The grow result without the full labelmap: `mask` covers only `bounds` (1 = grown), see pasteMask. */
export type WorkerGrowResult = RegionGrowMaskResult;

/** Worker → main thread. */
export type SegmentResponse =
  | { type: 'regionGrow'; id: number; result: WorkerGrowResult }
  | { type: 'adaptiveGrow'; id: number; result: AdaptiveGrowResult }
  | { type: 'error'; id: number; message: string };
