import { init as initCore, isCornerstoneInitialized } from '@cornerstonejs/core';
import * as csTools from '@cornerstonejs/tools';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import { NavigationPanTool, NavigationZoomTool } from './tools/navigationTools';
import { PointPickTool, SegmentSeedTool, VertebraLabelTool } from './tools/worldClickTools';
import { SegmentLineTool } from './tools/segmentLineTool';
import { renderLimits } from './volumeBudget';
import { renderingEngine } from './renderingEngine';

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
    // One decode worker per core (up to 4): while compressed slices decode, the page mostly waits for them.
    dicomImageLoader.init({ maxWebWorkers: Math.max(1, Math.min(4, navigator.hardwareConcurrency)), useLegacyMetadataProvider: true });
    csTools.init();
    for (const tool of TOOL_CLASSES) csTools.addTool(tool);
    // WebGL contexts cost 0.1-0.3 s in software WebGL: the engine's pool and the throw-away context that reads the
    // GPU's limits are made now, at start, not when the first image of a series is waiting for them.
    renderingEngine();
    renderLimits();
  })();
  return ready;
}
