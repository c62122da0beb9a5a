import type { AnnotationJson } from '../measure/annotationConversion';

/** Cornerstone drawing of each measurement, by measurement id: saved with the case so a restore redraws it exactly. */
export type Drawings = Readonly<Record<string, AnnotationJson>>;

export const withDrawing = (drawings: Drawings, id: string, drawing: AnnotationJson): Drawings => ({ ...drawings, [id]: drawing });

export function withoutDrawing(drawings: Drawings, id: string): Drawings {
  const { [id]: _removed, ...rest } = drawings;
  return rest;
}

/** Whether a measurement's drawing is the same in both (Cornerstone re-announces unchanged drawings on every render). */
export const sameDrawing = (a: Drawings, b: Drawings, id: string): boolean => JSON.stringify(a[id]) === JSON.stringify(b[id]);
