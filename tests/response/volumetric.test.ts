import { describe, expect, it } from 'vitest';
import { evaluateVolumetric, type ResponseInput } from '../../src/response';

const series = (...values: (number | null)[]): ResponseInput[] => values.map((value, i) => ({ studyInstanceUid: `tp${i}`, value }));
const last = (...values: number[]) => evaluateVolumetric(series(...values)).at(-1)!;

describe('volumetric response', () => {
  it('is PR at −65% from baseline and SD at −64%', () => {
    expect(last(10, 3.5).category).toBe('PR');
    expect(last(10, 3.6).category).toBe('SD');
    expect(last(10, 3.5).rule).toBe('PR: total volume 3.5 mL is −65.0% from baseline 10.0 mL (threshold −65%).');
  });

  it('is PD at +73% from the nadir, with no absolute minimum', () => {
    expect(last(10, 17.3).category).toBe('PD');
    expect(last(10, 17.2).category).toBe('SD');
    expect(last(0.5, 0.865).category).toBe('PD');
    // After shrinking to 4 mL, 6.92 mL is +73% from the nadir though −30.8% from baseline.
    expect(evaluateVolumetric(series(10, 4, 6.92)).map((r) => r.category)).toEqual(['baseline', 'SD', 'PD']);
  });

  it('is CR at 0', () => {
    expect(last(10, 0).category).toBe('CR');
  });

  it('flags changes under 25% as within variability', () => {
    expect(last(10, 12.4).fromBaseline?.withinVariability).toBe(true);
    expect(last(10, 12.6).fromBaseline?.withinVariability).toBe(false);
  });
});
