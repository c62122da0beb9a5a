import { ToolGroupManager, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { useViewerStore, type ToolName } from '../state/viewerStore';
import { RENDERING_ENGINE_ID } from './renderingEngine';

const TOOL_GROUP_ID = 'spinelens-main';
const { MouseBindings } = ToolEnums;

/** Tools the primary (left) button can take; middle pans, right zooms, the wheel scrolls. */
export const PRIMARY_TOOLS: readonly ToolName[] = [
  'WindowLevel',
  'Pan',
  'Zoom',
  'Length',
  'Bidirectional',
  'EllipticalROI',
  'PlanarFreehandROI',
  'Probe',
  'ArrowAnnotate',
  'VertebraLabel',
  'SegmentSeed',
  'SegmentLine',
  'Brush',
  'Eraser',
  'PointPick',
  'ThresholdBrush',
];
const toolIds: Record<ToolName, string> = {
  WindowLevel: 'WindowLevel',
  Pan: 'Pan',
  Zoom: 'Zoom',
  Length: 'Length',
  Bidirectional: 'Bidirectional',
  EllipticalROI: 'EllipticalROI',
  PlanarFreehandROI: 'PlanarFreehandROI',
  Probe: 'Probe',
  ArrowAnnotate: 'ArrowAnnotate',
  VertebraLabel: 'VertebraLabel',
  SegmentSeed: 'SegmentSeed',
  SegmentLine: 'SegmentLine',
  Brush: 'Brush',
  Eraser: 'Eraser',
  PointPick: 'PointPick',
  ThresholdBrush: 'ThresholdBrush',
};

function group(): ToolTypes.IToolGroup {
  const existing = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (existing) return existing;
  const created = ToolGroupManager.createToolGroup(TOOL_GROUP_ID);
  if (!created) throw new Error('Could not create the tool group');
  for (const name of PRIMARY_TOOLS) if (name !== 'Eraser' && name !== 'ThresholdBrush') created.addTool(toolIds[name]);
  // The eraser is a second brush that erases: Cornerstone's EraserTool removes annotations, not voxels.
  created.addToolInstance('Eraser', 'Brush', { activeStrategy: 'ERASE_INSIDE_CIRCLE' });
  // The threshold brush paints only voxels whose value (HU on CT) lies in threshold.range; set with configureTool.
  created.addToolInstance('ThresholdBrush', 'Brush', { activeStrategy: 'THRESHOLD_INSIDE_CIRCLE', threshold: { isDynamic: false, range: [40, 150] } });
  created.addTool('StackScroll');
  created.setToolActive('StackScroll', { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  setPrimaryTool(created, 'WindowLevel');
  return created;
}

function setPrimaryTool(toolGroup: ToolTypes.IToolGroup, tool: ToolName): void {
  for (const name of PRIMARY_TOOLS) {
    const id = toolIds[name];
    const secondary: { mouseButton: number }[] = [];
    if (name === 'Pan') secondary.push({ mouseButton: MouseBindings.Auxiliary });
    if (name === 'Zoom') secondary.push({ mouseButton: MouseBindings.Secondary });
    const bindings = name === tool ? [{ mouseButton: MouseBindings.Primary }, ...secondary] : secondary;
    // setToolActive adds to the bindings a tool already has: clear them first, or the left button stays with the previous tool.
    toolGroup.setToolPassive(id, { removeAllBindings: true });
    if (bindings.length > 0) toolGroup.setToolActive(id, { bindings });
  }
}

export function activatePrimaryTool(tool: ToolName): void {
  setPrimaryTool(group(), tool);
}

/** Gives the left button to a tool and shows it as the active one. */
export function selectTool(tool: ToolName): void {
  activatePrimaryTool(tool);
  useViewerStore.getState().setActiveTool(tool);
}

export function attachViewport(viewportId: string): void {
  group().addViewport(viewportId, RENDERING_ENGINE_ID);
}

export function detachViewport(viewportId: string): void {
  ToolGroupManager.getToolGroup(TOOL_GROUP_ID)?.removeViewports(RENDERING_ENGINE_ID, viewportId);
}

/** Sets options of a tool, e.g. the click handler of the vertebra-label or seed tools. */
export function configureTool(tool: ToolName, configuration: Record<string, unknown>): void {
  group().setToolConfiguration(toolIds[tool], configuration);
}
