import { utilities, getRenderingEngines } from '@cornerstonejs/core';
import { annotation } from '@cornerstonejs/tools';

const history = utilities.HistoryMemo.DefaultHistoryMemo;

function renderAll(): void {
  for (const engine of getRenderingEngines() ?? []) engine.render();
}

/** Removes the selected measurements (Delete / Backspace). */
export function deleteSelectedAnnotations(): void {
  const selected = annotation.selection.getAnnotationsSelected() ?? [];
  for (const uid of selected) annotation.state.removeAnnotation(uid);
  if (selected.length > 0) renderAll();
}

export function undoAnnotation(): void {
  history.undo();
  renderAll();
}

export function redoAnnotation(): void {
  history.redo();
  renderAll();
}
