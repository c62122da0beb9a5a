import { describe, expect, it } from 'vitest';
import { emptyState, parseSavedState, serialiseState } from '../../src/lesions';
import { lengthMeasurement } from './fixtures';

describe('a level the user gives a measurement', () => {
  it('is saved and read back', () => {
    const state = { ...emptyState('k'), measurements: [lengthMeasurement([0, 0, 0], [0, 0, 10], { level: 'C3' })] };
    const parsed = parseSavedState(serialiseState(state));
    expect(parsed.ok && parsed.state.measurements[0]?.level).toBe('C3');
  });

  it('is rejected when empty (an empty level means: from the labels, stored as no level)', () => {
    const json = JSON.parse(serialiseState({ ...emptyState('k'), measurements: [lengthMeasurement([0, 0, 0], [0, 0, 10])] })) as {
      measurements: Record<string, unknown>[];
    };
    json.measurements[0]!['level'] = '';
    const parsed = parseSavedState(json);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/measurements\[0\]\.level/);
  });
});
