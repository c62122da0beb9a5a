import { adaptiveGrow, regionGrowMask, type ScalarArray } from '../../../segment/core';
import type { SegmentRequest, SegmentResponse } from './segmentMessages';

export interface HandledMessage {
  response: SegmentResponse;
  transfer: Transferable[];
}

/** Message handler of the segmentation worker, kept free of worker globals so it runs (and is tested) anywhere. */
export function createSegmentHandler(): (request: SegmentRequest) => HandledMessage {
  let volume: { key: number; scalars: ScalarArray } | null = null;
  return (request) => {
    try {
      if (request.scalars) volume = { key: request.volumeKey, scalars: request.scalars };
      if (!volume || volume.key !== request.volumeKey) throw new Error('Volume not loaded in the segmentation worker');
      if (request.type === 'adaptiveGrow') {
        const result = adaptiveGrow(volume.scalars, request.grid, request.seed, request.options);
        return { response: { type: 'adaptiveGrow', id: request.id, result }, transfer: [result.mask.buffer] };
      }
      const result = regionGrowMask(volume.scalars, request.grid, request.seed, request.options);
      return { response: { type: 'regionGrow', id: request.id, result }, transfer: [result.mask.buffer] };
    } catch (e) {
      return { response: { type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) }, transfer: [] };
    }
  };
}
