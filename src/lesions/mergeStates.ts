import type { SpineLensState } from './state';

/** Saved items first; items made in this session that the saved state lacks are kept too. */
export function mergeStates(key: string, saved: SpineLensState | null, current: SpineLensState): SpineLensState {
  if (!saved) return { ...current, studiesKey: key };
  const union = <T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] => {
    const ids = new Set(b.map((x) => x.id));
    return [...a.filter((x) => !ids.has(x.id)), ...b];
  };
  const byKey = <T>(a: readonly T[], b: readonly T[], keyOf: (x: T) => string): T[] => {
    const keys = new Set(b.map(keyOf));
    return [...a.filter((x) => !keys.has(keyOf(x))), ...b];
  };
  const merged: SpineLensState = {
    ...saved,
    studiesKey: key,
    lesions: union(saved.lesions, current.lesions),
    measurements: union(saved.measurements, current.measurements),
    labels: union(saved.labels, current.labels),
    segmentationSummaries: byKey(saved.segmentationSummaries, current.segmentationSummaries, (x) => `${x.lesionId}|${x.seriesKey}`),
    alignment: byKey(saved.alignment ?? [], current.alignment ?? [], (x) => `${x.fromStudyUid}|${x.toStudyUid}`),
    countedSeries: byKey(saved.countedSeries ?? [], current.countedSeries ?? [], (x) => x.studyInstanceUid),
  };
  const baselineStudyUid = current.baselineStudyUid ?? saved.baselineStudyUid;
  return baselineStudyUid ? { ...merged, baselineStudyUid } : merged;
}
