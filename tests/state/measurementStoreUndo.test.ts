import { beforeEach, describe, expect, it } from 'vitest';
import { emptyState, spineLensStateSchema, type SegmentationSummary, type VertebralLabel } from '../../src/lesions';
import { useMeasurementStore } from '../../src/state/measurementStore';
import { lengthMeasurement } from '../lesions/fixtures';

const label = (vertebra: 'C2' | 'C3' | 'C4', z: number): VertebralLabel => ({ id: vertebra, vertebra, position: [0, 0, z], studyInstanceUid: 'study-1', frameOfReferenceUid: 'for-1' });

function summary(lesionId: string, seriesKey: string, volumeMm3: number): SegmentationSummary {
  return {
    lesionId,
    studyInstanceUid: 'study-1',
    seriesKey,
    volumeMm3,
    voxelCount: volumeMm3,
    voxelVolumeMm3: 1,
    longestDiameterMm: 10,
    perpendicularDiameterMm: 8,
  };
}

const store = () => useMeasurementStore.getState();

describe('deleting a lesion and undoing it', () => {
  beforeEach(() => store().replaceAll(emptyState('k'), {}));

  it('restores exactly what was there: the lesion at its place, its measurements linked, its segmentations, the others untouched', () => {
    for (const [id, z] of [['a', 10], ['b', 12], ['c', 14], ['d', 16]] as const) store().upsertMeasurement(lengthMeasurement([0, 10, z], [0, 10, z + 4], { id }));
    const first = store().createLesionFromMeasurement('a', 'First')!;
    const middle = store().createLesionFromMeasurement('b', 'Middle')!;
    store().assignMeasurement('c', middle);
    const last = store().createLesionFromMeasurement('d', 'Last')!;
    store().upsertSegmentationSummary(summary(middle, 'ct', 1600));
    store().upsertSegmentationSummary(summary(middle, 'mr', 1550));
    store().upsertSegmentationSummary(summary(last, 'mr', 400));
    store().setLesionNotes(middle, 'posterior elements');
    const before = structuredClone(store().state);

    const snapshot = store().lesionSnapshot(middle)!;
    store().removeLesion(middle);
    const removed = store().state;
    expect(removed.lesions.map((l) => l.name)).toEqual(['First', 'Last']);
    expect(removed.measurements.filter((m) => m.lesionId === middle)).toEqual([]);
    expect(removed.segmentationSummaries.map((s) => s.lesionId)).toEqual([last]);

    store().restoreLesion(snapshot);
    const after = store().state;
    expect(after.lesions).toEqual(before.lesions);
    expect(after.measurements).toEqual(before.measurements);
    expect(new Set(after.segmentationSummaries.map((s) => JSON.stringify(s)))).toEqual(new Set(before.segmentationSummaries.map((s) => JSON.stringify(s))));
    expect(after.lesions.map((l) => l.id)).toEqual([first, middle, last]);
  });

  it('has no snapshot of a lesion that is not there', () => {
    expect(store().lesionSnapshot('nope')).toBeNull();
  });
});

describe('a level changed by an edit', () => {
  beforeEach(() => {
    store().replaceAll(emptyState('k'), {});
    // C2 at z 20, C3 at 0, C4 at -20: a point at z 10 is in C2-3, at -10 in C3-4.
    for (const [v, z] of [['C2', 20], ['C3', 0], ['C4', -20]] as const) store().upsertLabel(label(v, z));
    store().upsertMeasurement(lengthMeasurement([0, 10, 8], [0, 10, 12], { id: 'm1' }));
  });
  const moveTo = (z: number) => store().upsertMeasurement(lengthMeasurement([0, 10, z - 2], [0, 10, z + 2], { id: 'm1' }));

  it('is noted with the level before and after the edit, and forgotten when the edit goes back', () => {
    expect((store().state.levelChanges ?? {})).toEqual({});
    moveTo(-10);
    expect((store().state.levelChanges ?? {})).toEqual({ m1: { from: 'C2-3', to: 'C3-4' } });
    moveTo(-12);
    expect((store().state.levelChanges ?? {})).toEqual({ m1: { from: 'C2-3', to: 'C3-4' } });
    moveTo(10);
    expect((store().state.levelChanges ?? {})).toEqual({});
  });

  it('Keep puts the former level on the measurement as the reader\'s; Use takes the new one from the labels', () => {
    moveTo(-10);
    store().keepPreviousLevel('m1');
    expect(store().state.measurements[0]!.level).toBe('C2-3');
    expect((store().state.levelChanges ?? {})).toEqual({});

    store().setMeasurementLevel('m1', '');
    moveTo(10);
    moveTo(-10);
    store().acceptLevelChange('m1');
    expect((store().state.levelChanges ?? {})).toEqual({});
    expect(store().state.measurements[0]!.level).toBeUndefined();
  });

  it('is not noted for a measurement whose level the reader typed', () => {
    store().setMeasurementLevel('m1', 'C2 body');
    moveTo(-10);
    expect((store().state.levelChanges ?? {})).toEqual({});
    expect(store().state.measurements[0]!.level).toBe('C2 body');
  });
});

describe('a level-change notice across a reload', () => {
  it('is in the saved state, passes the schema and comes back; a record without it still loads', () => {
    store().replaceAll(emptyState('k'), {});
    for (const [v, z] of [['C2', 20], ['C3', 0], ['C4', -20]] as const) store().upsertLabel(label(v, z));
    store().upsertMeasurement(lengthMeasurement([0, 10, 8], [0, 10, 12], { id: 'm1' }));
    store().upsertMeasurement(lengthMeasurement([0, 10, -12], [0, 10, -8], { id: 'm1' }));
    const saved: unknown = JSON.parse(JSON.stringify(store().state));

    store().replaceAll(emptyState('k'), {});
    const loaded = spineLensStateSchema.parse(saved);
    store().replaceAll(loaded, {});
    expect(store().state.levelChanges).toEqual({ m1: { from: 'C2-3', to: 'C3-4' } });

    const { levelChanges: _none, ...older } = loaded;
    expect(spineLensStateSchema.safeParse(older).success).toBe(true);
    expect(spineLensStateSchema.safeParse({ ...older, levelChanges: { m1: { from: 'C2-3' } } }).success).toBe(false);
  });
});
