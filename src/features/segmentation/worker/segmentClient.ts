import type { AdaptiveGrowOptions, AdaptiveGrowResult, Index3, RegionGrowOptions, ScalarArray, VolumeGrid } from '../../../segment/core';
import type { SegmentRequest, SegmentResponse, WorkerGrowResult } from './segmentMessages';

export type { WorkerGrowResult } from './segmentMessages';

export interface SegmentClient {
  /**
   * Region growing off the main thread. The volume is copied to the worker on first use and kept there while
   * the same `scalars` array is passed again (so treat it as immutable). The result's `mask` covers
   * `result.bounds`: write it into a labelmap with pasteMask(labelmap, grid, bounds, mask, label).
   */
  regionGrow(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, options?: RegionGrowOptions): Promise<WorkerGrowResult>;
  /** The region-learning grow (adaptiveGrow) off the main thread, same volume handling. */
  adaptiveGrow(scalars: ScalarArray, grid: VolumeGrid, seed: Index3, options?: AdaptiveGrowOptions): Promise<AdaptiveGrowResult>;
  dispose(): void;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./segment.worker.ts', import.meta.url), { type: 'module' });
}

export function createSegmentClient(makeWorker: () => Worker = defaultWorker): SegmentClient {
  const worker = makeWorker();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each request's promise knows its own result type
  const pending = new Map<number, { resolve: (r: any) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let volumeKey = 0;
  let sentScalars: ScalarArray | null = null;
  let disposed = false;

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  worker.onmessage = (event: MessageEvent<SegmentResponse>): void => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(msg.message));
    else p.resolve(msg.result);
  };
  worker.onerror = (event: ErrorEvent): void => {
    sentScalars = null; // the worker state is unknown: resend the volume next time
    failAll(new Error(`Segmentation worker error: ${event.message}`));
  };

  function send<R>(scalars: ScalarArray, request: SegmentRequest): Promise<R> {
    if (disposed) return Promise.reject(new Error('Segmentation client disposed'));
    const transfer: Transferable[] = [];
    if (scalars !== sentScalars) {
      const copy = scalars.slice();
      request.scalars = copy;
      request.volumeKey = ++volumeKey;
      transfer.push(copy.buffer);
      sentScalars = scalars;
    }
    return new Promise<R>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      worker.postMessage(request, transfer);
    });
  }

  return {
    regionGrow(scalars, grid, seed, options = {}) {
      return send<WorkerGrowResult>(scalars, { type: 'regionGrow', id: nextId++, volumeKey, grid, seed, options });
    },
    adaptiveGrow(scalars, grid, seed, options = {}) {
      return send<AdaptiveGrowResult>(scalars, { type: 'adaptiveGrow', id: nextId++, volumeKey, grid, seed, options });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.terminate();
      failAll(new Error('Segmentation client disposed'));
    },
  };
}
