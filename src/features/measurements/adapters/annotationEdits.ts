import { getRenderingEngines } from '@cornerstonejs/core';
import { annotation, cancelActiveManipulations } from '@cornerstonejs/tools';
import { useMeasurementStore } from '../../../state/measurementStore';
import { deleteMeasurement } from './annotationSync';
import { asOneStep, editHistory } from '../../../viewer/undoHistory';

function renderAll(): void {
  for (const engine of getRenderingEngines() ?? []) engine.render();
}

/** Removes the selected measurements (Delete / Backspace), as one undoable step. */
export function deleteSelectedAnnotations(): void {
  const selected = annotation.selection.getAnnotationsSelected() ?? [];
  if (selected.length === 0) return;
  asOneStep(() => {
    for (const uid of selected) deleteMeasurement(uid);
  });
  renderAll();
}

/**
 * Escape while drawing: Cornerstone's cancel keeps what was drawn so far as a finished annotation;
 * a measurement that did not exist before the drag is removed instead.
 */
export function cancelDrawing(element: HTMLDivElement): void {
  const known = new Set(useMeasurementStore.getState().state.measurements.map((m) => m.id));
  const uid = cancelActiveManipulations(element);
  if (!uid || known.has(uid)) return;
  annotation.state.removeAnnotation(uid);
  renderAll();
}

export function undoAnnotation(): void {
  editHistory.undo();
  renderAll();
}

export function redoAnnotation(): void {
  editHistory.redo();
  renderAll();
}
