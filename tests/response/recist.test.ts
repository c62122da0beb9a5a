import { describe, expect, it } from 'vitest';
import { evaluateRecist, type ResponseInput } from '../../src/response';

/** Baseline first; `new` marks a new lesion at that timepoint. */
function series(...values: (number | null | [number | null, 'new'])[]): ResponseInput[] {
  return values.map((v, i) => ({
    studyInstanceUid: `tp${i}`,
    value: Array.isArray(v) ? v[0] : v,
    newLesion: Array.isArray(v),
  }));
}

const categories = (inputs: ResponseInput[], lesionCount = 1) => evaluateRecist(inputs, lesionCount).map((r) => r.category);
const last = (inputs: ResponseInput[]) => evaluateRecist(inputs).at(-1)!;

describe('RECIST 1.1: partial response', () => {
  it('is PR at exactly −30% from baseline', () => {
    expect(last(series(100, 70)).category).toBe('PR');
    // 21.7/31 and 9.8/14 are exactly −30%, computed as −30.000000000000004% and −29.999999999999993%.
    expect(last(series(31, 21.7)).category).toBe('PR');
    expect(last(series(14, 9.8)).category).toBe('PR');
  });

  it('is SD at −29.9%', () => {
    expect(last(series(100, 70.1)).category).toBe('SD');
    expect(last(series(31, 21.8)).category).toBe('SD');
  });

  it('states the deciding rule with the numbers', () => {
    expect(last(series(31, 21)).rule).toBe('PR: sum of longest diameters 21.0 mm is −32.3% from baseline 31.0 mm (threshold −30%).');
  });

  it('shows two decimals when one would hide the side of the threshold', () => {
    // −29.97% would show as "−30.0%" next to an SD.
    expect(last(series(100, 70.03)).rule).toContain('−29.97% from baseline');
  });
});

describe('RECIST 1.1: progression', () => {
  it('is PD at exactly +20% and +5 mm from the nadir', () => {
    const r = last(series(25, 30));
    expect(r.category).toBe('PD');
    expect(r.rule).toBe('PD: sum of longest diameters 30.0 mm is +20.0% (+5.0 mm) from nadir 25.0 mm (threshold +20% and +5 mm).');
    // 32.4/27 is exactly +20% (computed 19.999999999999996%); 12.2 − 7.2 is exactly 5 mm (computed 4.999999999999999).
    expect(last(series(27, 32.4)).category).toBe('PD');
    expect(last(series(7.2, 12.2)).category).toBe('PD');
    expect(last(series(7.2, 12.1)).category).toBe('SD');
  });

  it('is SD at +20% when the increase is only +4 mm', () => {
    const r = last(series(20, 24));
    expect(r.category).toBe('SD');
    expect(r.fromNadir).toMatchObject({ absolute: 4, percent: 20 });
    expect(r.rule).toContain('PD needs +20% and +5 mm from nadir, but the increase is only +4.0 mm');
  });

  it('is SD just under +20% even with more than +5 mm', () => {
    expect(last(series(50, 59.9)).category).toBe('SD');
    expect(last(series(50, 60)).category).toBe('PD');
  });

  it('is PD with any new lesion, even while shrinking', () => {
    const r = last(series(40, [20, 'new']));
    expect(r.category).toBe('PD');
    expect(r.rule).toBe('PD: new lesion (sum of longest diameters 20.0 mm).');
    expect(last(series(40, [null, 'new'])).category).toBe('PD');
  });

  it('measures progression from the nadir after a PR', () => {
    // 50 → 30 (PR, −40%) → 36: +20% and +6 mm from the nadir 30, although still −28% from baseline.
    const results = evaluateRecist(series(50, 30, 36));
    expect(results.map((r) => r.category)).toEqual(['baseline', 'PR', 'PD']);
    expect(results[2]!.nadir).toBe(30);
    expect(results[2]!.fromNadir).toMatchObject({ absolute: 6, percent: 20 });
    expect(results[2]!.fromBaseline?.absolute).toBe(-14);
    expect(results[2]!.fromBaseline?.percent).toBeCloseTo(-28, 10);
    // 35.9 is +19.7% from the nadir (not PD) and −28.2% from baseline (not PR): SD.
    expect(categories(series(50, 30, 35.9))).toEqual(['baseline', 'PR', 'SD']);
  });

  it('includes the baseline in the nadir', () => {
    // 20 → 24 (+4 mm: SD) → 25: +25% and +5 mm from the baseline nadir 20.
    const results = evaluateRecist(series(20, 24, 25));
    expect(results.map((r) => r.category)).toEqual(['baseline', 'SD', 'PD']);
    expect(results[2]!.nadir).toBe(20);
  });

  it('uses the nadir before the current timepoint only', () => {
    const results = evaluateRecist(series(40, 30, 24, 28));
    expect(results.map((r) => r.nadir)).toEqual([null, 40, 30, 24]);
    expect(results.map((r) => r.category)).toEqual(['baseline', 'SD', 'PR', 'PR']);
  });
});

describe('RECIST 1.1: complete response and not evaluable', () => {
  it('is CR when the sum is 0, noting the lymph node rule', () => {
    const r = last(series(31, 0));
    expect(r.category).toBe('CR');
    expect(r.rule).toContain('lymph node');
  });

  it('is PD when a lesion reappears after CR', () => {
    expect(categories(series(31, 0, 3))).toEqual(['baseline', 'CR', 'PD']);
  });

  it('is NE when not measured, and skips NE timepoints for the nadir', () => {
    const results = evaluateRecist(series(40, null, 30));
    expect(results.map((r) => r.category)).toEqual(['baseline', 'NE', 'SD']);
    expect(results[2]!.nadir).toBe(40);
  });

  it('is NE without a measurable baseline', () => {
    expect(categories(series(null, 10))).toEqual(['baseline', 'NE']);
    expect(categories(series(0, 10))).toEqual(['baseline', 'NE']);
  });

  it('returns nothing for no timepoints', () => {
    expect(evaluateRecist([])).toEqual([]);
  });
});

describe('RECIST variability flags', () => {
  it('flags changes within 2 mm per lesion, 2·√n for a sum', () => {
    const single = evaluateRecist(series(20, 21.5))[1]!;
    expect(single.fromBaseline?.withinVariability).toBe(true);
    const sumOfFour = evaluateRecist(series(80, 83.5), 4)[1]!;
    expect(sumOfFour.fromBaseline?.withinVariability).toBe(true);
    const bigger = evaluateRecist(series(80, 84.5), 4)[1]!;
    expect(bigger.fromBaseline?.withinVariability).toBe(false);
  });
});
