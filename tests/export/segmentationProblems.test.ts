import { describe, expect, it, vi } from 'vitest';
import { uncalibratedCt } from '../../e2e/fixtures/uncalibratedCt';
import { buildSeries, parseInstance } from '../../src/dicom';
import type { CaseContext } from '../../src/export';
import { emptyState, type SegmentationSummary, type SpineLensState } from '../../src/lesions';
import { useViewerStore } from '../../src/state/viewerStore';

// No viewport holds a labelmap, and none is read back from the browser: only what the saved summaries name.
vi.mock('../../src/features/segmentation', () => ({ openLabelmaps: () => [], savedLabelmap: () => Promise.resolve(null) }));
const { segmentationObjects } = await import('../../src/features/export/segmentations');

/** A one-slice CT (calibrated): loaded, but no volume a SEG could be written on. */
function oneSlicePatients() {
  const parsed = parseInstance('slice.dcm', new Uint8Array(uncalibratedCt('0.7\\0.7', 'ONE SLICE')));
  if (parsed.kind !== 'image') throw new Error(`slice did not parse as an image: ${parsed.kind}`);
  return buildSeries([parsed.instance]);
}

const summary = (seriesKey: string, studyInstanceUid: string, extra: Partial<SegmentationSummary> = {}): SegmentationSummary => ({
  lesionId: 'L',
  studyInstanceUid,
  seriesKey,
  volumeMm3: 1000,
  voxelCount: 1000,
  voxelVolumeMm3: 1,
  longestDiameterMm: 12,
  perpendicularDiameterMm: 10,
  ...extra,
});

describe('saved segmentations that cannot become a SEG', () => {
  it('are each reported, naming their series, instead of left out without a word', async () => {
    const patients = oneSlicePatients();
    useViewerStore.setState({ patients });
    const study = patients[0]!.studies[0]!;
    const slice = study.series[0]!;
    const studyInstanceUid = slice.frames[0]!.instance.studyInstanceUid;
    const state: SpineLensState = {
      ...emptyState('k'),
      segmentationSummaries: [summary(slice.key, studyInstanceUid), summary('2.25.999', studyInstanceUid, { modality: 'MR', seriesDescription: 'SAG T2' })],
    };
    const context: CaseContext = { patientName: 'P', patientId: 'ID', studies: [{ studyInstanceUid, date: '', time: '', description: '', series: [] }] };
    const problems: string[] = [];
    expect(await segmentationObjects(state, context, problems)).toEqual([]);
    expect(problems, problems.join('\n')).toHaveLength(2);
    expect(problems[0]).toMatch(/ONE SLICE.*no SEG.*not a volume/);
    expect(problems[1]).toMatch(/MR · SAG T2.*no SEG.*not loaded/);
  });
});
