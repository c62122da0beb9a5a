import { getRenderingEngines } from '@cornerstonejs/core';
import { annotation } from '@cornerstonejs/tools';
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

export function undoAnnotation(): void {
  editHistory.undo();
  renderAll();
}

export function redoAnnotation(): void {
  editHistory.redo();
  renderAll();
}
