import { describe, expect, it } from 'vitest';
import { emptyState, type SpineLensState } from '../../src/lesions';
import { patientResponse, sumOrNull } from '../../src/response';
import { diameter, lesion, segmented, timepoints } from './responseFixtures';


// A: 20 → 12 → 14 mm; B: 10 → 5 → gone (resolved); N: new lesion at s2.
const state: SpineLensState = {
  ...emptyState('k'),
  lesions: [lesion('A', 'tracked', 'T5'), lesion('B', 'resolved', 'T5'), lesion('N', 'new', 'T5')],
  measurements: [
    diameter('A', 'prior', 25),
    diameter('A', 's0', 20),
    diameter('A', 's1', 12),
    diameter('A', 's2', 14),
    diameter('B', 's0', 10),
    diameter('B', 's1', 5),
    diameter('N', 's2', 8),
  ],
  segmentationSummaries: [
    segmented('A', 's0', 8000),
    segmented('A', 's1', 2000),
    segmented('A', 's2', 2500),
    segmented('B', 's0', 1000),
    segmented('B', 's1', 500),
  ],
};

describe('patientResponse', () => {
  it('sums target lesions from baseline on, counts a resolved lesion as 0 and a new lesion as PD', () => {
    const response = patientResponse(state, timepoints);
    expect(response.studyInstanceUids).toEqual(['s0', 's1', 's2']);
    expect(response.targetLesionIds).toEqual(['A', 'B']);
    expect(response.recist.map((r) => [r.value, r.category])).toEqual([
      [30, 'baseline'],
      [17, 'PR'],
      [14, 'PD'],
    ]);
    expect(response.recist[2]!.rule).toContain('new lesion');
    expect(response.volumetric.map((r) => r.category)).toEqual(['baseline', 'PR', 'PD']);
    expect(response.volumetric.map((r) => r.value)).toEqual([9, 2.5, 2.5]);
  });

  it('evaluates each lesion on its own', () => {
    const a = patientResponse(state, timepoints).perLesion.find((l) => l.lesionId === 'A')!;
    // 20 → 12 is −40%; 12 → 14 is +16.7% from the nadir and −30% from baseline.
    expect(a.recist.map((r) => r.category)).toEqual(['baseline', 'PR', 'PR']);
    expect(a.recist[1]!.rule).toBe('PR: longest diameter 12.0 mm is −40.0% from baseline 20.0 mm (threshold −30%).');
    // 8 → 2 → 2.5 mL
    expect(a.volumetric.map((r) => r.category)).toEqual(['baseline', 'PR', 'PR']);
  });

  it('is NE when a tracked target lesion is not measured', () => {
    const partial = { ...state, measurements: state.measurements.filter((m) => !(m.lesionId === 'A' && m.studyInstanceUid === 's1')) };
    const response = patientResponse(partial, timepoints, { targetLesionIds: ['A', 'B'] });
    expect(response.recist.map((r) => r.category)).toEqual(['baseline', 'NE', 'PD']);
  });

  it('uses the chosen target lesions and volume source', () => {
    const response = patientResponse(state, timepoints, { targetLesionIds: ['A'], volumeSource: 'ellipsoid' });
    expect(response.recist.map((r) => r.value)).toEqual([20, 12, 14]);
    // No AP × transverse × CC measurements: ellipsoid volumes are unavailable.
    expect(response.volumetric.map((r) => r.category)).toEqual(['baseline', 'NE', 'PD']);
  });
});

describe('sumOrNull', () => {
  it('sums, or gives null when any value is missing or there are none', () => {
    expect(sumOrNull([1, 2.5, 0])).toBe(3.5);
    expect(sumOrNull([1, null])).toBeNull();
    expect(sumOrNull([])).toBeNull();
  });
});
