import { init as initCore, isCornerstoneInitialized } from '@cornerstonejs/core';
import {
  init as initTools,
  addTool,
  WindowLevelTool,
  PanTool,
  ZoomTool,
  StackScrollTool,
  LengthTool,
  BidirectionalTool,
  EllipticalROITool,
  PlanarFreehandROITool,
  ProbeTool,
  ArrowAnnotateTool,
  BrushTool,
} from '@cornerstonejs/tools';
import { PointPickTool, SegmentSeedTool, VertebraLabelTool } from './tools/worldClickTools';
import { startVertebraLabeling } from './vertebraLabeling';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';

let ready: Promise<void> | null = null;

/** Initialises Cornerstone core, tools and the DICOM image loader exactly once. */
export function ensureCornerstone(): Promise<void> {
  ready ??= (async () => {
    if (!isCornerstoneInitialized()) await initCore();
    // The dicom-parser based (legacy) provider: it finds frame boundaries in fragmented multi-frame
    // JPEG without an offset table, which the naturalized path of 5.14 does not.
    dicomImageLoader.init({ maxWebWorkers: Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)), useLegacyMetadataProvider: true });
    initTools();
    for (const tool of [
      WindowLevelTool,
      PanTool,
      ZoomTool,
      StackScrollTool,
      LengthTool,
      BidirectionalTool,
      EllipticalROITool,
      PlanarFreehandROITool,
      ProbeTool,
      ArrowAnnotateTool,
      BrushTool,
      VertebraLabelTool,
      SegmentSeedTool,
      PointPickTool,
    ]) {
      addTool(tool);
    }
    startVertebraLabeling();
  })();
  return ready;
}
