/**
 * Every tool the left mouse button can take: one entry each. The Cornerstone tool group, the toolbar,
 * the segmentation panel's buttons, the key table and the Help panel are all derived from this table.
 */
export type ToolPlace = 'toolbar' | 'segmentation';

export interface ToolDef {
  /** Keys that select it (KeyboardEvent.key, or "Ctrl+z" style). */
  keys: readonly string[];
  /** Button text. */
  short: string;
  /** Tooltip and Help text. */
  label: string;
  /** Where its buttons are: the main toolbar, the segmentation panel; none when only a command chooses it. */
  places: readonly ToolPlace[];
  /** A second instance of a Cornerstone tool with its own configuration (Cornerstone's addToolInstance). */
  instanceOf?: { base: string; configuration: Readonly<Record<string, unknown>> };
  /** Also on this mouse button, whatever the left button does. */
  alsoOn?: 'middle' | 'right';
}

const TOOL_TABLE = {
  WindowLevel: { keys: ['w'], short: 'W/L', label: 'Window/level tool (left drag)', places: ['toolbar'] },
  Pan: { keys: ['p'], short: 'Pan', label: 'Pan tool (also middle drag)', places: ['toolbar'], alsoOn: 'middle' },
  Zoom: { keys: ['z'], short: 'Zoom', label: 'Zoom tool (also right drag)', places: ['toolbar'], alsoOn: 'right' },
  Length: { keys: ['l'], short: 'Length', label: 'Length', places: ['toolbar'] },
  Bidirectional: { keys: ['b'], short: 'Bidir.', label: 'Bidirectional (long and short axis)', places: ['toolbar'] },
  EllipticalROI: { keys: ['e'], short: 'Ellipse', label: 'Ellipse ROI', places: ['toolbar'] },
  PlanarFreehandROI: { keys: ['f'], short: 'Freehand', label: 'Freehand ROI', places: ['toolbar'] },
  Probe: { keys: ['o'], short: 'Probe', label: 'Probe (pixel value)', places: ['toolbar'] },
  ArrowAnnotate: { keys: ['a'], short: 'Arrow', label: 'Arrow with text', places: ['toolbar'] },
  VertebraLabel: { keys: ['v'], short: 'Level', label: 'Label vertebrae (click a body; the next click labels the level below)', places: ['toolbar'] },
  SegmentSeed: { keys: ['g'], short: 'Grow', label: 'Grow a 3D segmentation from a click in the lesion', places: ['toolbar', 'segmentation'] },
  SegmentLine: { keys: ['n'], short: 'Line', label: 'Segment along a line: drag across the lesion from outside to outside (hard cases)', places: ['segmentation'] },
  Brush: { keys: ['d'], short: 'Brush', label: 'Segmentation brush', places: ['toolbar', 'segmentation'] },
  // Cornerstone's EraserTool removes annotations, not voxels: the eraser is a brush that erases.
  Eraser: { keys: ['x'], short: 'Erase', label: 'Segmentation eraser', places: ['toolbar', 'segmentation'], instanceOf: { base: 'Brush', configuration: { activeStrategy: 'ERASE_INSIDE_CIRCLE' } } },
  ThresholdBrush: {
    keys: ['h'],
    short: 'Threshold',
    label: 'Threshold brush: paints only voxels in the range set in the segmentation panel (HU on CT)',
    places: ['segmentation'],
    instanceOf: { base: 'Brush', configuration: { activeStrategy: 'THRESHOLD_INSIDE_CIRCLE', threshold: { isDynamic: false, range: [40, 150] } } },
  },
  // Chosen by the "point pair" command while comparing, not by a button of its own.
  PointPick: { keys: [], short: 'Point pair', label: 'Click a landmark in the baseline, then the same one in the follow-up', places: [] },
} as const satisfies Record<string, ToolDef>;

export type ToolName = keyof typeof TOOL_TABLE;

export const TOOLS: Readonly<Record<ToolName, ToolDef>> = TOOL_TABLE;

export const TOOL_NAMES = Object.keys(TOOL_TABLE) as ToolName[];

/** The tools whose buttons stand in one place, in table order. */
export function toolsIn(place: ToolPlace): ToolName[] {
  return TOOL_NAMES.filter((name) => TOOLS[name].places.includes(place));
}
