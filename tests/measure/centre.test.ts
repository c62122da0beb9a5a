import { describe, expect, it } from 'vitest';
import { measurementCentre } from '../../src/measure';
import type { Measurement } from '../../src/measure';

const base = { id: 'm', studyInstanceUid: 's', seriesKey: 'k', frameOfReferenceUid: 'f', createdAt: '2026-01-05T00:00:00Z', label: '' };

describe('measurementCentre', () => {
  it('is the middle of a length', () => {
    const m = { ...base, kind: 'length', points: [[0, 0, 0], [10, -4, 20]] } as Measurement;
    expect(measurementCentre(m)).toEqual([5, -2, 10]);
  });
  it('is the middle of a bidirectional long axis, whatever the short axis', () => {
    const m = { ...base, kind: 'bidirectional', long: [[2, 2, 2], [4, 6, 8]], short: [[100, 0, 0], [100, 1, 0]] } as Measurement;
    expect(measurementCentre(m)).toEqual([3, 4, 5]);
  });
  it('is the mean of a region outline', () => {
    const m = { ...base, kind: 'freehand', points: [[0, 0, 0], [4, 0, 0], [4, 4, 0], [0, 4, 0]], stats: { areaMm2: 16, mean: 0, sd: 0, min: 0, max: 0, unit: '' } } as Measurement;
    expect(measurementCentre(m)).toEqual([2, 2, 0]);
  });
});
