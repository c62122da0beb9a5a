/** Every keyboard action of the viewer, with its key. One table: the help panel is generated from it. */
export type Action =
  | 'nextSlice'
  | 'previousSlice'
  | 'pageDown'
  | 'pageUp'
  | 'firstSlice'
  | 'lastSlice'
  | 'toolWindowLevel'
  | 'toolPan'
  | 'toolZoom'
  | 'toolLength'
  | 'toolBidirectional'
  | 'toolEllipse'
  | 'toolFreehand'
  | 'toolProbe'
  | 'toolArrow'
  | 'toolVertebraLabel'
  | 'toolSegmentSeed'
  | 'toolSegmentLine'
  | 'confirmSegmentation'
  | 'anotherLesionSegment'
  | 'toolBrush'
  | 'toolEraser'
  | 'toolThresholdBrush'
  | 'presetSoftTissue'
  | 'presetBone'
  | 'presetBrain'
  | 'presetLung'
  | 'presetFromFile'
  | 'presetHistogram'
  | 'presetSeven'
  | 'invert'
  | 'reset'
  | 'zoomIn'
  | 'zoomOut'
  | 'viewStack'
  | 'viewAxial'
  | 'viewSagittal'
  | 'viewCoronal'
  | 'layout1x1'
  | 'layout1x2'
  | 'layout2x2'
  | 'nextViewport'
  | 'openFiles'
  | 'toggleHelp'
  | 'toggleMeasurements'
  | 'toggleSegmentation'
  | 'toggleTimeline'
  | 'compare'
  | 'pickPointPair'
  | 'toggleProblems'
  | 'togglePacs'
  | 'openExport'
  | 'deleteMeasurement'
  | 'cancel'
  | 'undo'
  | 'redo';

export interface Binding {
  /** KeyboardEvent.key, or "Ctrl+z" style with modifiers. */
  key: string;
  label: string;
  group: 'Navigate' | 'Tools' | 'Window' | 'View' | 'Edit' | 'App';
}

export const BINDINGS = {
  nextSlice: { key: 'ArrowDown', label: 'Next slice', group: 'Navigate' },
  previousSlice: { key: 'ArrowUp', label: 'Previous slice', group: 'Navigate' },
  pageDown: { key: 'PageDown', label: '10 slices forward', group: 'Navigate' },
  pageUp: { key: 'PageUp', label: '10 slices back', group: 'Navigate' },
  firstSlice: { key: 'Home', label: 'First slice', group: 'Navigate' },
  lastSlice: { key: 'End', label: 'Last slice', group: 'Navigate' },
  toolWindowLevel: { key: 'w', label: 'Window/level tool (left drag)', group: 'Tools' },
  toolPan: { key: 'p', label: 'Pan tool (also middle drag)', group: 'Tools' },
  toolZoom: { key: 'z', label: 'Zoom tool (also right drag)', group: 'Tools' },
  toolLength: { key: 'l', label: 'Length', group: 'Tools' },
  toolBidirectional: { key: 'b', label: 'Bidirectional (long and short axis)', group: 'Tools' },
  toolEllipse: { key: 'e', label: 'Ellipse ROI', group: 'Tools' },
  toolFreehand: { key: 'f', label: 'Freehand ROI', group: 'Tools' },
  toolProbe: { key: 'o', label: 'Probe (pixel value)', group: 'Tools' },
  toolArrow: { key: 'a', label: 'Arrow with text', group: 'Tools' },
  toolVertebraLabel: { key: 'v', label: 'Label vertebrae (click a body; the next click labels the level below)', group: 'Tools' },
  toolSegmentSeed: { key: 'g', label: 'Grow a 3D segmentation from a click in the lesion', group: 'Tools' },
  toolSegmentLine: { key: 'n', label: 'Segment along a line: drag across the lesion from outside to outside (hard cases)', group: 'Tools' },
  confirmSegmentation: { key: 'y', label: 'Volume is right: count the flagged segmented volume of the active lesion', group: 'Edit' },
  anotherLesionSegment: { key: 'N', label: 'Segment another lesion in this series (Shift+N)', group: 'Edit' },
  toolBrush: { key: 'd', label: 'Segmentation brush', group: 'Tools' },
  toolEraser: { key: 'x', label: 'Segmentation eraser', group: 'Tools' },
  toolThresholdBrush: { key: 'h', label: 'Threshold brush: paints only voxels in the range set in the segmentation panel (HU on CT)', group: 'Tools' },
  presetSoftTissue: { key: '1', label: 'CT soft tissue (W400 L40); MR spine T1/T2', group: 'Window' },
  presetBone: { key: '2', label: 'CT bone (W2000 L500); MR brain T1/T2', group: 'Window' },
  presetBrain: { key: '3', label: 'CT spine: discs and canal (W250 L50)', group: 'Window' },
  presetLung: { key: '4', label: 'CT lung (W1500 L-600)', group: 'Window' },
  presetFromFile: { key: '5', label: 'Window from the file (VOI)', group: 'Window' },
  presetHistogram: { key: '6', label: 'Auto window from the histogram', group: 'Window' },
  presetSeven: { key: '7', label: 'CT brain (W80 L40)', group: 'Window' },
  invert: { key: 'i', label: 'Invert', group: 'Window' },
  reset: { key: ' ', label: 'Reset view (Space)', group: 'View' },
  zoomIn: { key: '+', label: 'Zoom in', group: 'View' },
  zoomOut: { key: '-', label: 'Zoom out', group: 'View' },
  viewStack: { key: 'Alt+1', label: 'Stack (acquired slices)', group: 'View' },
  viewAxial: { key: 'Alt+2', label: 'MPR axial', group: 'View' },
  viewSagittal: { key: 'Alt+3', label: 'MPR sagittal', group: 'View' },
  viewCoronal: { key: 'Alt+4', label: 'MPR coronal', group: 'View' },
  layout1x1: { key: 'Shift+1', label: 'Layout 1×1', group: 'View' },
  layout1x2: { key: 'Shift+2', label: 'Layout 1×2', group: 'View' },
  layout2x2: { key: 'Shift+3', label: 'Layout 2×2', group: 'View' },
  nextViewport: { key: 'Tab', label: 'Next viewport', group: 'View' },
  openFiles: { key: 'Ctrl+o', label: 'Open files', group: 'App' },
  toggleHelp: { key: '?', label: 'Show or hide this help', group: 'App' },
  toggleMeasurements: { key: 'm', label: 'Show or hide lesions and measurements', group: 'App' },
  toggleSegmentation: { key: 'k', label: 'Show or hide the segmentation panel', group: 'App' },
  toggleTimeline: { key: 't', label: 'Show or hide the timeline', group: 'App' },
  pickPointPair: { key: 'j', label: 'While comparing: align by a point pair (click a landmark left, then right)', group: 'View' },
  toggleProblems: { key: 'P', label: 'Show or hide the import problems (Shift+P)', group: 'App' },
  togglePacs: { key: 'O', label: 'Open from a PACS: search and open studies over DICOMweb (Shift+O)', group: 'App' },
  openExport: { key: 'E', label: 'Export: CSV, case JSON, DICOM SR and SEG, store to the PACS, teaching zip, report (Shift+E)', group: 'App' },
  compare: { key: 'c', label: 'Compare baseline and latest follow-up side by side, in step (again: stop)', group: 'View' },
  deleteMeasurement: { key: 'Delete', label: 'Delete the selected measurement (the one clicked or shown from the panel)', group: 'Edit' },
  cancel: { key: 'Escape', label: 'Cancel what waits for a click or text (point pair, vertebra labels, arrow text): back to window/level', group: 'Edit' },
  undo: { key: 'Ctrl+z', label: 'Undo (the segmentation edit while the segmentation panel is open, else the last drawing, edit or deletion of a measurement, label or lesion)', group: 'Edit' },
  redo: { key: 'Ctrl+y', label: 'Redo (the segmentation edit while the segmentation panel is open, else what Ctrl+Z undid)', group: 'Edit' },
} satisfies Record<Action, Binding>;

/** The key string of an event in the table's notation. */
export function keyOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): string {
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.altKey && /^Digit\d$/.test(event.code)) return `Alt+${event.code.slice(5)}`;
  if (ctrl) return `Ctrl+${event.key.toLowerCase()}`;
  if (event.shiftKey && /^Digit\d$/.test(event.code)) return `Shift+${event.code.slice(5)}`;
  return event.key;
}

const byKey = new Map<string, Action>(Object.entries(BINDINGS).map(([action, binding]) => [binding.key, action as Action]));

export function actionForKey(key: string): Action | undefined {
  return byKey.get(key) ?? (key === 'Backspace' ? 'deleteMeasurement' : undefined);
}
