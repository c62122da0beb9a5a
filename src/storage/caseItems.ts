import type { SpineLensState } from '../lesions';
import type { AnnotationJson } from '../measure/annotationConversion';
import { stableJson } from './stableJson';

/**
 * The case record as items that change one at a time (a lesion, a measurement with its drawing, a label, a
 * segmentation summary, an alignment, a counted-series choice, the baseline), each under a key of its own, so
 * two tabs can be merged item by item and a deletion can be told from an item the other tab never had.
 */
export type CaseItems = ReadonlyMap<string, unknown>;

type Drawings = Readonly<Record<string, AnnotationJson>>;

interface MeasurementItem {
  measurement: SpineLensState['measurements'][number];
  drawing?: AnnotationJson;
}

const summaryKey = (x: { lesionId: string; seriesKey: string }) => `summary:${x.lesionId}|${x.seriesKey}`;
const alignmentKey = (x: { fromStudyUid: string; toStudyUid: string }) => `alignment:${x.fromStudyUid}|${x.toStudyUid}`;

export function itemsOf(state: SpineLensState, drawings: Drawings): CaseItems {
  const items = new Map<string, unknown>();
  for (const l of state.lesions) items.set(`lesion:${l.id}`, l);
  for (const m of state.measurements) {
    const drawing = drawings[m.id];
    items.set(`measurement:${m.id}`, drawing ? { measurement: m, drawing } : { measurement: m });
  }
  for (const l of state.labels) items.set(`label:${l.id}`, l);
  for (const s of state.segmentationSummaries) items.set(summaryKey(s), s);
  for (const a of state.alignment ?? []) items.set(alignmentKey(a), a);
  for (const c of state.countedSeries ?? []) items.set(`counted:${c.studyInstanceUid}`, c);
  if (state.baselineStudyUid !== undefined) items.set('baseline', state.baselineStudyUid);
  return items;
}

/** Items in the order `base` has them, then the others in the order `items` has them. */
function ordered<T>(base: readonly T[], keyOf: (x: T) => string, items: CaseItems, prefix: string): T[] {
  const keys = [...base.map(keyOf).filter((k) => items.has(k)), ...[...items.keys()].filter((k) => k.startsWith(prefix))];
  return [...new Set(keys)].map((k) => items.get(k) as T);
}

/** The case record holding `items`, with the rest (version, level-change notices, order of lists) from `base`. */
export function caseWithItems(base: SpineLensState, baseDrawings: Drawings, items: CaseItems): { state: SpineLensState; drawings: Drawings } {
  const measurementItems = ordered<MeasurementItem>(
    base.measurements.map((m) => ({ measurement: m })),
    (x) => `measurement:${x.measurement.id}`,
    items,
    'measurement:',
  );
  const drawings: Record<string, AnnotationJson> = {};
  for (const { measurement, drawing } of measurementItems) if (drawing) drawings[measurement.id] = drawing;
  // A drawing kept only in this tab's memory (its measurement not yet converted) is not lost by a merge.
  for (const [id, drawing] of Object.entries(baseDrawings)) if (!items.has(`measurement:${id}`) && !base.measurements.some((m) => m.id === id)) drawings[id] = drawing;
  const { baselineStudyUid: _baseline, levelChanges, ...rest } = base;
  const measurements = measurementItems.map((x) => x.measurement);
  const ids = new Set(measurements.map((m) => m.id));
  const keptChanges = Object.fromEntries(Object.entries(levelChanges ?? {}).filter(([id]) => ids.has(id)));
  const baseline = items.get('baseline');
  const state: SpineLensState = {
    ...rest,
    lesions: ordered(base.lesions, (l) => `lesion:${l.id}`, items, 'lesion:'),
    measurements,
    labels: ordered(base.labels, (l) => `label:${l.id}`, items, 'label:'),
    segmentationSummaries: ordered(base.segmentationSummaries, summaryKey, items, 'summary:'),
    alignment: ordered(base.alignment ?? [], alignmentKey, items, 'alignment:'),
    countedSeries: ordered(base.countedSeries ?? [], (c) => `counted:${c.studyInstanceUid}`, items, 'counted:'),
    ...(typeof baseline === 'string' ? { baselineStudyUid: baseline } : {}),
    ...(Object.keys(keptChanges).length > 0 ? { levelChanges: keptChanges } : {}),
  };
  return { state, drawings };
}

/**
 * Whether two values of an item are the same as far as the reader is concerned: a measurement whose drawing alone
 * differs (Cornerstone recomputes its cached values when it redraws one) is the same measurement.
 */
export function sameItem(key: string, a: unknown, b: unknown): boolean {
  if (key.startsWith('measurement:')) return stableJson((a as MeasurementItem | undefined)?.measurement) === stableJson((b as MeasurementItem | undefined)?.measurement);
  return stableJson(a) === stableJson(b);
}

/** What the reader would call the item, for a notice. */
export function describeItem(key: string, value: unknown): string {
  const kind = key.slice(0, key.indexOf(':'));
  if (kind === 'measurement') {
    const m = (value as MeasurementItem | undefined)?.measurement;
    return m?.label ? `Measurement “${m.label}”` : `The ${m?.kind ?? ''} measurement`.replace('  ', ' ');
  }
  if (kind === 'lesion') {
    const name = (value as { name?: string } | undefined)?.name;
    return name ? `Lesion “${name}”` : 'A lesion';
  }
  if (kind === 'label') return 'A vertebral label';
  if (kind === 'summary') return 'A segmentation result';
  return key === 'baseline' ? 'The baseline study' : 'A setting of the case';
}
