import { TOOL_NAMES, TOOLS, type ToolName } from './tools';

export type CommandGroup = 'Navigate' | 'Tools' | 'Window' | 'View' | 'Edit' | 'App';

/** A command of the viewer: what it does, where Help lists it, and the keys that run it. */
export interface CommandDef {
  /** KeyboardEvent.key, or "Ctrl+z" / "Alt+1" / "Shift+1" style; several keys may run one command. */
  keys: readonly string[];
  label: string;
  group: CommandGroup;
}

const APP_COMMANDS = {
  nextSlice: { keys: ['ArrowDown', 'ArrowRight'], label: 'Next slice', group: 'Navigate' },
  previousSlice: { keys: ['ArrowUp', 'ArrowLeft'], label: 'Previous slice', group: 'Navigate' },
  pageDown: { keys: ['PageDown'], label: '10 slices forward', group: 'Navigate' },
  pageUp: { keys: ['PageUp'], label: '10 slices back', group: 'Navigate' },
  firstSlice: { keys: ['Home'], label: 'First slice', group: 'Navigate' },
  lastSlice: { keys: ['End'], label: 'Last slice', group: 'Navigate' },
  confirmSegmentation: { keys: ['y'], label: 'Volume is right: count the flagged segmented volume of the active lesion', group: 'Edit' },
  anotherLesionSegment: { keys: ['N'], label: 'Segment another lesion in this series', group: 'Edit' },
  preset1: { keys: ['1'], label: 'CT soft tissue (W400 L40); MR spine T1/T2', group: 'Window' },
  preset2: { keys: ['2'], label: 'CT bone (W2000 L500); MR brain T1/T2', group: 'Window' },
  preset3: { keys: ['3'], label: 'CT spine: discs and canal (W250 L50)', group: 'Window' },
  preset4: { keys: ['4'], label: 'CT lung (W1500 L-600)', group: 'Window' },
  preset5: { keys: ['5'], label: 'Window from the file (VOI)', group: 'Window' },
  preset6: { keys: ['6'], label: 'Auto window from the histogram', group: 'Window' },
  preset7: { keys: ['7'], label: 'CT brain (W80 L40)', group: 'Window' },
  invert: { keys: ['i'], label: 'Invert', group: 'Window' },
  reset: { keys: [' '], label: 'Reset view', group: 'View' },
  zoomIn: { keys: ['+'], label: 'Zoom in', group: 'View' },
  zoomOut: { keys: ['-'], label: 'Zoom out', group: 'View' },
  viewStack: { keys: ['Alt+1'], label: 'Stack (acquired slices)', group: 'View' },
  viewAxial: { keys: ['Alt+2'], label: 'MPR axial', group: 'View' },
  viewSagittal: { keys: ['Alt+3'], label: 'MPR sagittal', group: 'View' },
  viewCoronal: { keys: ['Alt+4'], label: 'MPR coronal', group: 'View' },
  layout1x1: { keys: ['Shift+1'], label: 'Layout 1×1', group: 'View' },
  layout1x2: { keys: ['Shift+2'], label: 'Layout 1×2', group: 'View' },
  layout2x2: { keys: ['Shift+3'], label: 'Layout 2×2', group: 'View' },
  nextViewport: { keys: ['Tab'], label: 'Next viewport', group: 'View' },
  compare: { keys: ['c'], label: 'Compare baseline and latest follow-up side by side, in step (again: stop)', group: 'View' },
  pickPointPair: { keys: ['j'], label: 'While comparing: align by a point pair (click a landmark left, then right)', group: 'View' },
  openFiles: { keys: ['Ctrl+o'], label: 'Open files', group: 'App' },
  toggleHelp: { keys: ['?'], label: 'Show or hide this help', group: 'App' },
  toggleMeasurements: { keys: ['m'], label: 'Show or hide lesions and measurements', group: 'App' },
  toggleSegmentation: { keys: ['k'], label: 'Show or hide the segmentation panel', group: 'App' },
  toggleTimeline: { keys: ['t'], label: 'Show or hide the timeline', group: 'App' },
  toggleProblems: { keys: ['P'], label: 'Show or hide the import problems', group: 'App' },
  togglePacs: { keys: ['O'], label: 'Open from a PACS: search and open studies over DICOMweb', group: 'App' },
  openExport: { keys: ['E'], label: 'Export: CSV, case JSON, DICOM SR and SEG, store to the PACS, teaching zip, report', group: 'App' },
  deleteMeasurement: { keys: ['Delete', 'Backspace'], label: 'Delete the selected measurement (the one clicked or shown from the panel)', group: 'Edit' },
  cancel: { keys: ['Escape'], label: 'Cancel what waits for a click or text (point pair, vertebra labels, arrow text): back to window/level', group: 'Edit' },
  undo: {
    keys: ['Ctrl+z'],
    label: 'Undo (the segmentation edit while the segmentation panel is open, else the last drawing, edit or deletion of a measurement, label or lesion)',
    group: 'Edit',
  },
  redo: { keys: ['Ctrl+y'], label: 'Redo (the segmentation edit while the segmentation panel is open, else what Ctrl+Z undid)', group: 'Edit' },
} as const satisfies Record<string, CommandDef>;

/** Commands other than choosing a tool; each has one handler in the app layer (src/ui/commands.ts). */
export type AppCommandId = keyof typeof APP_COMMANDS;
/** Choosing a tool: one command per entry of the tool table. */
export type ToolCommandId = `tool.${ToolName}`;
export type CommandId = AppCommandId | ToolCommandId;

export const toolCommand = (tool: ToolName): ToolCommandId => `tool.${tool}`;

export function toolOfCommand(id: CommandId): ToolName | null {
  return id.startsWith('tool.') ? (id.slice(5) as ToolName) : null;
}

const TOOL_COMMANDS = Object.fromEntries(
  TOOL_NAMES.map((name) => [toolCommand(name), { keys: TOOLS[name].keys, label: TOOLS[name].label, group: 'Tools' } satisfies CommandDef]),
) as Record<ToolCommandId, CommandDef>;

/** Every command, in the order Help lists them. */
export const COMMANDS: Readonly<Record<CommandId, CommandDef>> = { ...TOOL_COMMANDS, ...APP_COMMANDS };

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
