/** What the plausibility rule needs of a saved segmented volume. */
export interface TimepointVolume {
  lesionId: string;
  studyInstanceUid: string;
  volumeMm3: number;
  flags?: readonly unknown[];
  confirmedAt?: string;
}

/**
 * The same lesion's trusted volume (not flagged, or confirmed) at the other timepoint: the latest study before
 * this one, else the first after it, with `studyOrder` the patient's studies in date order. Never the same
 * study (another series of it), never a study of another patient, never one further away when a nearer exists.
 */
export function otherTimepointVolume(
  volumes: readonly TimepointVolume[],
  studyOrder: readonly string[],
  lesionId: string,
  studyInstanceUid: string,
): { ml: number; later: boolean } | null {
  const here = studyOrder.indexOf(studyInstanceUid);
  if (here < 0) return null;
  let before: { at: number; v: TimepointVolume } | null = null;
  let after: { at: number; v: TimepointVolume } | null = null;
  for (const v of volumes) {
    const at = studyOrder.indexOf(v.studyInstanceUid);
    if (v.lesionId !== lesionId || at < 0 || at === here || (v.flags?.length && !v.confirmedAt)) continue;
    if (at < here && (!before || at > before.at)) before = { at, v };
    if (at > here && (!after || at < after.at)) after = { at, v };
  }
  const other = before ?? after;
  return other ? { ml: other.v.volumeMm3 / 1000, later: other === after } : null;
}
