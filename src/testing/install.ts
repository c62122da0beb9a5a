import { useComparisonStore } from '../state/comparisonStore';
import { currentComparison } from '../ui/comparison/comparisonController';
import { installInspectionHooks } from './inspectionHooks';
import { registerSegmentationTestHooks } from './segmentationHooks';
import { registerTestHooks } from './testHooks';

/** Installs window.__spinelens for the end-to-end tests; imported by main.tsx in the test build only. */
export function installTestHooks(): void {
  installInspectionHooks();
  registerSegmentationTestHooks();
  registerTestHooks({ comparison: { current: currentComparison, store: useComparisonStore } });
}
