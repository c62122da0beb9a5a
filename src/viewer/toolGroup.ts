import { ToolGroupManager, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { TOOL_NAMES, TOOLS, type ToolName } from '../commands';
import { useViewerStore } from '../state/viewerStore';
import { RENDERING_ENGINE_ID } from './renderingEngine';

const TOOL_GROUP_ID = 'spinelens-main';
const { MouseBindings } = ToolEnums;

function group(): ToolTypes.IToolGroup {
  const existing = ToolGroupManager.getToolGroup(TOOL_GROUP_ID);
  if (existing) return existing;
  const created = ToolGroupManager.createToolGroup(TOOL_GROUP_ID);
  if (!created) throw new Error('Could not create the tool group');
  // Every tool of the registry: its own Cornerstone tool class (same name), or an instance of another with its configuration.
  for (const name of TOOL_NAMES) {
    const def = TOOLS[name];
    if (def.instanceOf) created.addToolInstance(name, def.instanceOf.base, { ...def.instanceOf.configuration });
    else created.addTool(name);
  }
  created.addTool('StackScroll');
  created.setToolActive('StackScroll', { bindings: [{ mouseButton: MouseBindings.Wheel }] });
  setPrimaryTool(created, 'WindowLevel');
  return created;
}

function setPrimaryTool(toolGroup: ToolTypes.IToolGroup, tool: ToolName): void {
  for (const name of TOOL_NAMES) {
    const { alsoOn } = TOOLS[name];
    const secondary = alsoOn ? [{ mouseButton: alsoOn === 'middle' ? MouseBindings.Auxiliary : MouseBindings.Secondary }] : [];
    const bindings = name === tool ? [{ mouseButton: MouseBindings.Primary }, ...secondary] : secondary;
    // setToolActive adds to the bindings a tool already has: clear them first, or the left button stays with the previous tool.
    toolGroup.setToolPassive(name, { removeAllBindings: true });
    if (bindings.length > 0) toolGroup.setToolActive(name, { bindings });
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
  group().setToolConfiguration(tool, configuration);
}
