import { init as initCore, isCornerstoneInitialized } from '@cornerstonejs/core';
import * as csTools from '@cornerstonejs/tools';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import { NavigationPanTool, NavigationZoomTool } from './tools/navigationTools';
import { PointPickTool, SegmentSeedTool, VertebraLabelTool } from './tools/worldClickTools';
import { SegmentLineTool } from './tools/segmentLineTool';

/** Every tool class the viewer uses: Cornerstone's and our own small ones. */
const TOOL_CLASSES = [
  csTools.WindowLevelTool,
  NavigationPanTool,
  NavigationZoomTool,
  csTools.StackScrollTool,
  csTools.LengthTool,
  csTools.BidirectionalTool,
  csTools.EllipticalROITool,
  csTools.PlanarFreehandROITool,
  csTools.ProbeTool,
  csTools.ArrowAnnotateTool,
  csTools.BrushTool,
  VertebraLabelTool,
  SegmentSeedTool,
  SegmentLineTool,
  PointPickTool,
];

let ready: Promise<void> | null = null;

/** Initialises Cornerstone core, tools and the DICOM image loader exactly once. */
export function ensureCornerstone(): Promise<void> {
  ready ??= (async () => {
    if (!isCornerstoneInitialized()) await initCore();
    // The dicom-parser based (legacy) provider: it finds frame boundaries in fragmented multi-frame
    // JPEG without an offset table, which the naturalized path of 5.14 does not.
    dicomImageLoader.init({ maxWebWorkers: Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)), useLegacyMetadataProvider: true });
    csTools.init();
    for (const tool of TOOL_CLASSES) csTools.addTool(tool);
  })();
  return ready;
}
