import { eventTarget } from '@cornerstonejs/core';
import { annotation, Enums } from '@cornerstonejs/tools';

/** Calls back whenever Cornerstone's annotation selection changes (a click on a drawing, Show, Delete). */
export function subscribeToSelection(onChange: () => void): () => void {
  eventTarget.addEventListener(Enums.Events.ANNOTATION_SELECTION_CHANGE, onChange);
  return () => eventTarget.removeEventListener(Enums.Events.ANNOTATION_SELECTION_CHANGE, onChange);
}

/** Whether Delete would remove this measurement (its drawing is selected). */
export const isMeasurementSelected = (measurementId: string): boolean => annotation.selection.isAnnotationSelected(measurementId);
