import { describe, expect, it } from 'vitest';
import { emptyState, spineLensStateSchema, type VertebralLabel } from '../../../src/lesions';
import { needsSaving, pointPairAlignment, resolveAlignment } from '../../../src/features/comparison/adapters/alignmentInForce';

const baseline = { studyInstanceUid: 'A', frameOfReferenceUid: 'forA' };
const followup = { studyInstanceUid: 'B', frameOfReferenceUid: 'forB' };
const labels: VertebralLabel[] = [
  { id: 'a', vertebra: 'C2', position: [0, 0, 0], studyInstanceUid: 'A', frameOfReferenceUid: 'forA' },
  { id: 'b', vertebra: 'C2', position: [1, 1, 1], studyInstanceUid: 'B', frameOfReferenceUid: 'forB' },
];

describe('point-pair alignment', () => {
  const pair = pointPairAlignment('A', 'B', [1, 2, 3], [4, -2, 9]);

  it('is the translation from the baseline point to the follow-up point', () => {
    expect(pair).toMatchObject({ fromStudyUid: 'A', toStudyUid: 'B', mode: 'translation', translation: [3, -4, 6], pairCount: 1, source: 'point-pair' });
  });

  it('is in force over the labels, said so, and not overwritten by the labels', () => {
    const inForce = resolveAlignment(baseline, followup, labels, [pair]);
    expect(inForce.kind).toBe('point-pair');
    expect(inForce.description).toBe('Aligned by a point pair (3.0, -4.0, 6.0) mm');
    expect(inForce.alignment).toBe(pair);
    expect(needsSaving(inForce, [pair])).toBe(false);
    expect(resolveAlignment(baseline, followup, labels, []).kind).toBe('landmarks');
  });

  it('survives the saved-state schema', () => {
    const parsed = spineLensStateSchema.parse({ ...emptyState('k'), alignment: [pair] });
    expect(parsed.alignment?.[0]?.source).toBe('point-pair');
  });
});
