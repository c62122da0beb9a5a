import { describe, expect, it } from 'vitest';
import { emptyState, mergeStates, type SegmentationSummary, type SpineLensState } from '../../src/lesions';

const summary = (lesionId: string, studyInstanceUid: string, volumeMm3: number): SegmentationSummary => ({
  lesionId,
  studyInstanceUid,
  seriesKey: `series-of-${studyInstanceUid}`,
  volumeMm3,
  voxelCount: 1,
  voxelVolumeMm3: volumeMm3,
  longestDiameterMm: 1,
  perpendicularDiameterMm: 1,
});

describe('merging saved work with the work of this session', () => {
  const saved: SpineLensState = {
    ...emptyState('A|B'),
    segmentationSummaries: [summary('L1', 'A', 9000), summary('L1', 'B', 3000)],
    alignment: [{ fromStudyUid: 'A', toStudyUid: 'B', mode: 'translation', translation: [1, 1, 1], residualRmsMm: 0, pairCount: 2 }],
    baselineStudyUid: 'B',
  };
  const current: SpineLensState = {
    ...emptyState('A'),
    segmentationSummaries: [summary('L1', 'A', 10200)],
    alignment: [{ fromStudyUid: 'A', toStudyUid: 'B', mode: 'translation', translation: [3, -4, 6], residualRmsMm: 0.5, pairCount: 2 }],
    baselineStudyUid: 'A',
  };

  it("keeps this session's segmentation volumes, alignment and baseline over the saved ones, and the saved ones it lacks", () => {
    const merged = mergeStates('A|B', saved, current);
    expect(merged.studiesKey).toBe('A|B');
    expect(merged.segmentationSummaries.map((s) => [s.studyInstanceUid, s.volumeMm3]).sort()).toEqual([
      ['A', 10200],
      ['B', 3000],
    ]);
    expect(merged.alignment).toHaveLength(1);
    expect(merged.alignment![0]!.translation).toEqual([3, -4, 6]);
    expect(merged.baselineStudyUid).toBe('A');
  });

  it('takes the saved baseline when this session chose none', () => {
    const { baselineStudyUid: _none, ...withoutBaseline } = current;
    expect(mergeStates('A|B', saved, withoutBaseline).baselineStudyUid).toBe('B');
  });
});
