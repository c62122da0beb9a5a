// Web Worker entry (bundled by Vite via new URL(..., import.meta.url)); typed against the DOM lib: the webworker lib would leak into the whole program.
import type { SegmentRequest } from './segmentMessages';
import { createSegmentHandler } from './segmentWorkerHandler';

const handle = createSegmentHandler();

self.onmessage = (event: MessageEvent<SegmentRequest>): void => {
  const { response, transfer } = handle(event.data);
  self.postMessage(response, { transfer });
};
