import type { Action } from './keyboard/bindings';
import { findSeries, SLOT_COUNT, useViewerStore, type ToolName, type ViewMode } from '../state/viewerStore';
import { applyWindowPreset, jumpToEnd, resetView, scrollSlices, toggleInvert, viewportOfSlot, zoomBy } from '../viewer/displayControls';
import { selectTool } from '../viewer/toolGroup';
import { deleteSelectedAnnotations, redoAnnotation, undoAnnotation } from '../features/measurements';
import { toggleComparison } from './comparison/comparisonController';
import { cancelPointPick, startPointPick } from './comparison/pointPairPick';
import { cancelTextRequest } from '../features/measurements';
import { openExportDialog } from '../features/export';
import { addLesionSegmentOfActiveSlot, confirmSegmentOfActiveSlot, redoSegmentationOfActiveSlot, undoSegmentationOfActiveSlot } from '../features/segmentation';

const TOOL_ACTIONS: Partial<Record<Action, ToolName>> = {
  toolWindowLevel: 'WindowLevel',
  toolPan: 'Pan',
  toolZoom: 'Zoom',
  toolLength: 'Length',
  toolBidirectional: 'Bidirectional',
  toolEllipse: 'EllipticalROI',
  toolFreehand: 'PlanarFreehandROI',
  toolProbe: 'Probe',
  toolArrow: 'ArrowAnnotate',
  toolVertebraLabel: 'VertebraLabel',
  toolSegmentSeed: 'SegmentSeed',
  toolSegmentLine: 'SegmentLine',
  toolBrush: 'Brush',
  toolEraser: 'Eraser',
  toolThresholdBrush: 'ThresholdBrush',
};
/** Window presets by number: what each number gives depends on the modality (displayControls presetsFor). */
const PRESET_ACTIONS: Partial<Record<Action, number>> = {
  presetSoftTissue: 1,
  presetBone: 2,
  presetBrain: 3,
  presetLung: 4,
  presetFromFile: 5,
  presetHistogram: 6,
  presetSeven: 7,
};
const VIEW_ACTIONS: Partial<Record<Action, ViewMode>> = {
  viewStack: 'stack',
  viewAxial: 'axial',
  viewSagittal: 'sagittal',
  viewCoronal: 'coronal',
};

/** Escape: drops a pending arrow text, point pair or vertebra labelling and goes back to window/level. */
export function cancelPending(): void {
  cancelTextRequest();
  cancelPointPick();
  if (useViewerStore.getState().activeTool === 'VertebraLabel') selectTool('WindowLevel');
}

export function applyPreset(presetNumber: number): void {
  const state = useViewerStore.getState();
  const viewport = viewportOfSlot(state.activeSlot);
  const series = findSeries(state.patients, state.slots[state.activeSlot]?.seriesKey ?? null);
  if (viewport && series) applyWindowPreset(viewport, series, presetNumber);
}

/** Runs a keyboard action (the toolbar buttons call the same functions). */
export function runAction(action: Action, openFiles: () => void): void {
  const state = useViewerStore.getState();
  const viewport = viewportOfSlot(state.activeSlot);
  const tool = TOOL_ACTIONS[action];
  if (tool) return selectTool(tool);
  const preset = PRESET_ACTIONS[action];
  if (preset !== undefined) return applyPreset(preset);
  const mode = VIEW_ACTIONS[action];
  if (mode) return state.setMode(state.activeSlot, mode);
  switch (action) {
    case 'layout1x1':
      return state.setLayout('1x1');
    case 'layout1x2':
      return state.setLayout('1x2');
    case 'layout2x2':
      return state.setLayout('2x2');
    case 'nextViewport':
      return state.setActiveSlot((state.activeSlot + 1) % SLOT_COUNT[state.layout]);
    case 'openFiles':
      return openFiles();
    case 'toggleHelp':
      return state.togglePanel('help');
    case 'toggleMeasurements':
      return state.togglePanel('lesions');
    case 'toggleSegmentation':
      return state.togglePanel('segmentation');
    case 'toggleTimeline':
      return state.togglePanel('timeline');
    case 'pickPointPair':
      startPointPick();
      return;
    case 'toggleProblems':
      return state.togglePanel('problems');
    case 'togglePacs':
      return state.togglePanel('pacs');
    case 'openExport':
      return openExportDialog();
    case 'compare':
      toggleComparison();
      return;
    case 'deleteMeasurement':
      return deleteSelectedAnnotations();
    case 'cancel':
      return cancelPending();
    // With the segmentation panel open, Ctrl+Z/Ctrl+Y step through the segmentation's edits instead of the annotations'.
    case 'undo':
      return state.rightPanel === 'segmentation' ? undoSegmentationOfActiveSlot() : undoAnnotation();
    case 'redo':
      return state.rightPanel === 'segmentation' ? redoSegmentationOfActiveSlot() : redoAnnotation();
    case 'confirmSegmentation':
      return confirmSegmentOfActiveSlot();
    case 'anotherLesionSegment':
      return addLesionSegmentOfActiveSlot();
    default:
      break;
  }
  if (!viewport) return;
  switch (action) {
    case 'nextSlice':
      return scrollSlices(viewport, 1);
    case 'previousSlice':
      return scrollSlices(viewport, -1);
    case 'pageDown':
      return scrollSlices(viewport, 10);
    case 'pageUp':
      return scrollSlices(viewport, -10);
    case 'firstSlice':
      return jumpToEnd(viewport, 'first');
    case 'lastSlice':
      return jumpToEnd(viewport, 'last');
    case 'invert':
      return toggleInvert(viewport);
    case 'reset':
      return resetView(viewport);
    case 'zoomIn':
      return zoomBy(viewport, 1.25);
    case 'zoomOut':
      return zoomBy(viewport, 0.8);
    default:
      return;
  }
}
