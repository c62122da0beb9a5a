import { describe, expect, it } from 'vitest';
import { alignmentFromLandmarks, compareLevels, suggestMatch, type StudyAlignment } from '../../src/lesions';

describe('compareLevels', () => {
  it.each([
    ['C3', 'C3', 'same'],
    ['C2-3', 'C2-C3', 'same'],
    ['C3', 'C3-4', 'adjacent'],
    ['C3', 'C4', 'adjacent'],
    ['C3', 'C5', 'different'],
    ['sacrum', 'Sacrum', 'same'],
    ['sacrum', 'C3', 'unknown'],
    ['', '', 'unknown'],
  ] as const)('%s vs %s → %s', (a, b, relation) => {
    expect(compareLevels(a, b)).toBe(relation);
  });
});

describe('suggestMatch', () => {
  // The follow-up patient is shifted 20 mm to the left and 5 mm up.
  const alignment = alignmentFromLandmarks([
    { from: [0, 0, 0], to: [20, 0, 5] },
    { from: [0, 0, -25], to: [20, 0, -20] },
  ])!;
  const baseline = { lesionId: 'base', level: 'T5', position: [10, 30, -100] as const };

  it('ranks candidates by distance after alignment and level agreement', () => {
    const suggestions = suggestMatch(
      baseline,
      [
        { lesionId: 'other-level-near', level: 'T8', position: [30, 33, -95] },
        { lesionId: 'same', level: 'T5', position: [33, 34, -95] },
        { lesionId: 'unaligned-position', level: 'T5', position: [10, 30, -100] },
        { lesionId: 'far', level: 'T5', position: [30, 30, -200] },
      ],
      alignment,
    );
    // Aligned baseline position: [30, 30, -95].
    // 'far' is 105 mm away and dropped; a 3 mm neighbour at a different level ranks below a 20.6 mm one at the same level.
    expect(suggestions.map((s) => s.lesionId)).toEqual(['same', 'unaligned-position', 'other-level-near']);
    expect(suggestions[0]).toEqual({ lesionId: 'same', distanceMm: 5, levelRelation: 'same', score: 5 });
    // √(20² + 5²) = 20.6 mm
    expect(suggestions[1]!.distanceMm).toBeCloseTo(Math.hypot(20, 5), 12);
    expect(suggestions[2]).toMatchObject({ distanceMm: 3, levelRelation: 'different', score: 33 });
  });

  it('uses a saved study alignment, and raw positions without one', () => {
    const saved: StudyAlignment = {
      fromStudyUid: 'b',
      toStudyUid: 'f',
      mode: 'translation',
      translation: [0, 0, 10],
      residualRmsMm: 0,
      pairCount: 2,
    };
    const candidate = { lesionId: 'c', level: 'T5', position: [10, 30, -90] as const };
    expect(suggestMatch(baseline, [candidate], saved)[0]!.distanceMm).toBe(0);
    expect(suggestMatch(baseline, [candidate], null)[0]!.distanceMm).toBe(10);
  });
});
