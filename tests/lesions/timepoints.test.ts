import { describe, expect, it } from 'vitest';
import { intervalLabel, timepointsFromStudies } from '../../src/lesions';

const study = (studyInstanceUid: string, date: string, time = '') => ({ studyInstanceUid, date, time });

describe('timepointsFromStudies', () => {
  it('orders studies and labels them from the earliest as baseline', () => {
    const timepoints = timepointsFromStudies([
      study('c', '20270310'),
      study('b', '20260406'),
      study('a', '20260105'),
      study('w', '20260119'),
    ]);
    expect(timepoints.map((t) => [t.studyInstanceUid, t.daysFromBaseline, t.label])).toEqual([
      ['a', 0, 'Baseline'],
      ['w', 14, '+2 wk'],
      // 2026-01-05 → 2026-04-06: 91 days / 30.44 = 2.99 → 3 months.
      ['b', 91, '+3 mo'],
      // 429 days / 30.44 = 14.1 → 14 months.
      ['c', 429, '+1 y 2 mo'],
    ]);
    expect(timepoints.map((t) => t.isBaseline)).toEqual([true, false, false, false]);
  });

  it('labels studies before a chosen baseline with a minus sign', () => {
    // 2025-11-05 is 61 days before 2026-01-05: 2.0 months.
    const timepoints = timepointsFromStudies([study('a', '20260105'), study('prior', '20251105')], 'a');
    expect(timepoints.map((t) => [t.studyInstanceUid, t.daysFromBaseline, t.label])).toEqual([
      ['prior', -61, '−2 mo'],
      ['a', 0, 'Baseline'],
    ]);
  });

  it('orders same-day studies by time', () => {
    const timepoints = timepointsFromStudies([study('pm', '20260105', '153000'), study('am', '20260105', '0815')]);
    expect(timepoints.map((t) => [t.studyInstanceUid, t.label])).toEqual([
      ['am', 'Baseline'],
      ['pm', 'same day'],
    ]);
  });

  it('puts studies without a valid date last and falls back to the earliest baseline', () => {
    const timepoints = timepointsFromStudies([study('x', ''), study('y', '20260230'), study('a', '20260105')], 'missing');
    expect(timepoints.map((t) => [t.studyInstanceUid, t.daysFromBaseline, t.label])).toEqual([
      ['a', 0, 'Baseline'],
      ['x', null, 'date unknown'],
      ['y', null, 'date unknown'],
    ]);
  });

  it('returns an empty list for no studies', () => {
    expect(timepointsFromStudies([])).toEqual([]);
  });
});

describe('intervalLabel', () => {
  it.each([
    [3, '+3 d'],
    [7, '+1 wk'],
    [41, '+6 wk'],
    [42, '+1 mo'],
    [182, '+6 mo'],
    [365, '+1 y'],
    [730, '+2 y'],
    [-14, '−2 wk'],
    [-400, '−1 y 1 mo'],
  ])('%i days → %s', (days, label) => {
    expect(intervalLabel(days)).toBe(label);
  });
});
