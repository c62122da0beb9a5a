import type { Types } from '@cornerstonejs/core';
import { useSegmentationStore } from '../segmentationStore';
import { ensureCornerstone } from '../../../viewer/cornerstoneSetup';
import { onSeriesDisplayed } from '../../../viewer/displaySeries';
import { configureTool } from '../../../viewer/toolGroup';
import { applyBrushSize, applyThresholdRange, growAlongLine, growAt, listenForLabelmapEdits, showOrRestoreSegmentation } from './segmentationController';

/** Wires the segmentation feature: seed clicks, brush strokes, drawing and restoring on displayed series. */
export function startSegmentation(): void {
  listenForLabelmapEdits();
  onSeriesDisplayed(showOrRestoreSegmentation);
  void ensureCornerstone().then(() => {
    configureTool('SegmentSeed', { onClick: (world: Types.Point3, viewport: Types.IViewport) => void growAt(world, viewport) });
    configureTool('SegmentLine', { onLine: (start: Types.Point3, end: Types.Point3, viewport: Types.IViewport) => void growAlongLine(start, end, viewport) });
    applyBrushSize(useSegmentationStore.getState().brushSizeMm);
    applyThresholdRange(useSegmentationStore.getState().thresholdRange);
  });
}
