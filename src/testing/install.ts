import { useComparisonStore } from '../state/comparisonStore';
import { currentComparison } from '../ui/comparison/comparisonController';
import { installInspectionHooks } from './inspectionHooks';
import { registerSegmentationTestHooks } from './segmentationHooks';
import { registerTestHooks } from './testHooks';
import { storeReading } from '../features/dicomweb';

/** Installs window.__spinelens for the end-to-end tests; imported by main.tsx in the test build only. */
export function installTestHooks(): void {
  installInspectionHooks();
  registerSegmentationTestHooks();
  registerTestHooks({ comparison: { current: currentComparison, store: useComparisonStore } });
  // Until the SR/SEG export calls it from the UI, e2e stores a test object through this.
  registerTestHooks({ dicomweb: { storeReading } });
}
