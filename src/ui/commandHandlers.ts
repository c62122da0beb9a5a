import { toolOfCommand, type AppCommandId, type CommandId } from '../commands';
import { findSeries, SLOT_COUNT, useViewerStore, type ViewMode } from '../state/viewerStore';
import { applyWindowPreset, jumpToEnd, resetView, scrollSlices, toggleInvert, viewportOfSlot, zoomBy } from '../viewer/displayControls';
import { selectTool } from '../viewer/toolGroup';
import { deleteSelectedAnnotations, redoAnnotation, undoAnnotation } from '../features/measurements';
import { toggleComparison } from '../features/comparison';
import { cancelPointPick, startPointPick } from '../features/comparison';
import { cancelDrawing, cancelTextRequest } from '../features/measurements';
import { openExportDialog } from '../features/export';
import { addLesionSegmentOfActiveSlot, confirmSegmentOfActiveSlot, redoSegmentationOfActiveSlot, undoSegmentationOfActiveSlot } from '../features/segmentation';

/** Escape: drops a half-drawn measurement, a pending arrow text, point pair or vertebra labelling and goes back to window/level. */
export function cancelPending(): void {
  const viewport = viewportOfSlot(useViewerStore.getState().activeSlot);
  if (viewport) cancelDrawing(viewport.element);
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

type Handler = (context: { openFiles: () => void }) => void;

const state = () => useViewerStore.getState();
const onViewport = (act: (viewport: NonNullable<ReturnType<typeof viewportOfSlot>>) => void) => () => {
  const viewport = viewportOfSlot(state().activeSlot);
  if (viewport) act(viewport);
};
const setMode = (mode: ViewMode) => () => state().setMode(state().activeSlot, mode);

/** What each command does. `satisfies` makes a command without a handler a type error. */
const HANDLERS = {
  nextSlice: onViewport((v) => scrollSlices(v, 1)),
  previousSlice: onViewport((v) => scrollSlices(v, -1)),
  pageDown: onViewport((v) => scrollSlices(v, 10)),
  pageUp: onViewport((v) => scrollSlices(v, -10)),
  firstSlice: onViewport((v) => jumpToEnd(v, 'first')),
  lastSlice: onViewport((v) => jumpToEnd(v, 'last')),
  confirmSegmentation: () => confirmSegmentOfActiveSlot(),
  anotherLesionSegment: () => addLesionSegmentOfActiveSlot(),
  preset1: () => applyPreset(1),
  preset2: () => applyPreset(2),
  preset3: () => applyPreset(3),
  preset4: () => applyPreset(4),
  preset5: () => applyPreset(5),
  preset6: () => applyPreset(6),
  preset7: () => applyPreset(7),
  invert: onViewport(toggleInvert),
  reset: onViewport(resetView),
  zoomIn: onViewport((v) => zoomBy(v, 1.25)),
  zoomOut: onViewport((v) => zoomBy(v, 0.8)),
  viewStack: setMode('stack'),
  viewAxial: setMode('axial'),
  viewSagittal: setMode('sagittal'),
  viewCoronal: setMode('coronal'),
  layout1x1: () => state().setLayout('1x1'),
  layout1x2: () => state().setLayout('1x2'),
  layout2x2: () => state().setLayout('2x2'),
  nextViewport: () => state().setActiveSlot((state().activeSlot + 1) % SLOT_COUNT[state().layout]),
  compare: () => void toggleComparison(),
  pickPointPair: () => void startPointPick(),
  openFiles: ({ openFiles }) => openFiles(),
  toggleHelp: () => state().togglePanel('help'),
  toggleMeasurements: () => state().togglePanel('lesions'),
  toggleSegmentation: () => state().togglePanel('segmentation'),
  toggleTimeline: () => state().togglePanel('timeline'),
  toggleProblems: () => state().togglePanel('problems'),
  togglePacs: () => state().togglePanel('pacs'),
  openExport: () => openExportDialog(),
  deleteMeasurement: () => deleteSelectedAnnotations(),
  cancel: () => cancelPending(),
  // With the segmentation panel open, Ctrl+Z/Ctrl+Y step through the segmentation's edits instead of the annotations'.
  undo: () => (state().rightPanel === 'segmentation' ? undoSegmentationOfActiveSlot() : undoAnnotation()),
  redo: () => (state().rightPanel === 'segmentation' ? redoSegmentationOfActiveSlot() : redoAnnotation()),
} satisfies Record<AppCommandId, Handler>;

/** Runs a command: from a key, a toolbar button or a panel button alike. */
export function runCommand(id: CommandId, openFiles: () => void = () => {}): void {
  const tool = toolOfCommand(id);
  if (tool) return selectTool(tool);
  HANDLERS[id as AppCommandId]({ openFiles });
}
