import { utilities } from '@cornerstonejs/core';

/** Cornerstone's history: drawing and editing annotations push their steps here. */
export const editHistory = utilities.HistoryMemo.DefaultHistoryMemo;

/**
 * Puts one of our own edits (a deletion of a measurement, label or lesion) on the same history as
 * Cornerstone's drawing edits, so Ctrl+Z and Ctrl+Y step through all of them in the order they were made.
 */
export function recordUndoable(undo: () => void, redo: () => void): void {
  editHistory.push({ restoreMemo: (isUndo) => (isUndo === false ? redo() : undo()) });
}

/** Several deletions made by one action (Delete with several selected) undo as one step. */
export function asOneStep(run: () => void): void {
  editHistory.startGroupRecording();
  try {
    run();
  } finally {
    editHistory.endGroupRecording();
  }
}

/**
 * Empties the history: a closed study's steps would bring back drawings on images that are gone, and the steps of
 * Cornerstone's tools hold their viewport elements and labelmap data. The history has no way to drop only some steps.
 */
export function forgetEditHistory(): void {
  const { size } = editHistory;
  // Cornerstone's size setter empties the ring.
  editHistory.size = size;
}
