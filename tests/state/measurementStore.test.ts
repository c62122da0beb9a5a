import { beforeEach, describe, expect, it } from 'vitest';
import { emptyState, type VertebralLabel } from '../../src/lesions';
import { useMeasurementStore } from '../../src/state/measurementStore';
import { lengthMeasurement } from '../lesions/fixtures';

const label = (vertebra: 'C2' | 'C3', z: number): VertebralLabel => ({
  id: vertebra,
  vertebra,
  position: [0, 0, z],
  studyInstanceUid: 'study-1',
  frameOfReferenceUid: 'for-1',
});

describe('lesion levels in the measurement store', () => {
  beforeEach(() => useMeasurementStore.getState().replaceAll(emptyState('k'), {}));

  it('takes the level from the labels, keeps what the reader types, and goes back to the labels when cleared', () => {
    const store = useMeasurementStore.getState();
    store.upsertMeasurement(lengthMeasurement([0, 10, 8], [0, 10, 12], { id: 'm1' }));
    const lesionId = store.createLesionFromMeasurement('m1')!;
    store.upsertLabel(label('C2', 20));
    store.upsertLabel(label('C3', 0));
    const level = () => useMeasurementStore.getState().state.lesions.find((l) => l.id === lesionId)!.level;
    expect(level()).toBe('C2-3');
    store.setLesionLevel(lesionId, 'C2 posterior ');
    expect(level()).toBe('C2 posterior ');
    store.setLesionLevel(lesionId, '');
    expect(level()).toBe('C2-3');
  });

  it('empties an automatic level when the labels it came from are removed, and a cleared level with no labels stays empty', () => {
    const store = useMeasurementStore.getState();
    store.upsertMeasurement(lengthMeasurement([0, 10, 8], [0, 10, 12], { id: 'm1' }));
    const lesionId = store.createLesionFromMeasurement('m1')!;
    store.upsertLabel(label('C2', 20));
    store.upsertLabel(label('C3', 0));
    store.removeLabel('C2');
    store.removeLabel('C3');
    expect(useMeasurementStore.getState().state.lesions[0]!.level).toBe('');
    store.setLesionLevel(lesionId, 'C');
    store.setLesionLevel(lesionId, '');
    expect(useMeasurementStore.getState().state.lesions[0]!.level).toBe('');
  });
});
