import { useComparisonStore } from '../features/comparison/comparisonStore';
import { currentComparison } from '../features/comparison/ui/comparisonController';
import { storeReading } from '../features/dicomweb';
import { inspectionHooks } from './inspectionHooks';
import { segmentationHooks } from './segmentationHooks';
import { memoryHooks } from './memoryHooks';
import { storageHooks } from './storageHooks';

/** Everything the end-to-end tests may read or call, in one typed object (e2e imports this type). */
const testHooks = {
  ...inspectionHooks,
  ...segmentationHooks,
  ...memoryHooks,
  ...storageHooks,
  comparison: { current: currentComparison, store: useComparisonStore },
  dicomweb: { storeReading },
};

export type SpineLensTestHooks = typeof testHooks;

declare global {
  interface Window {
    /** Only in the test build (`vite build --mode e2e`); the production bundle has none. */
    __spinelens?: SpineLensTestHooks;
  }
}

/** Installs window.__spinelens; imported by main.tsx in the test build only. */
export function installTestHooks(): void {
  window.__spinelens = testHooks;
}
