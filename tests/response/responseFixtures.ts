import { timepointsFromStudies, type Lesion, type LesionStatus, type SegmentationSummary } from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import { lengthMeasurement } from '../lesions/fixtures';

export const lesion = (id: string, status: LesionStatus = 'tracked', level = 'C2-3'): Lesion => ({
  id,
  name: id,
  level,
  levelSource: 'user',
  site: 'osseous',
  notes: '',
  status,
  createdAt: '2026-01-05T10:00:00.000Z',
});

/** A length of `mm` at a timepoint, linked to a lesion. */
export const diameter = (lesionId: string, studyInstanceUid: string, mm: number): Measurement =>
  lengthMeasurement([0, 0, 0], [mm, 0, 0], { lesionId, studyInstanceUid });

export const segmented = (lesionId: string, studyInstanceUid: string, volumeMm3: number): SegmentationSummary => ({
  lesionId,
  studyInstanceUid,
  seriesKey: 'series-1',
  volumeMm3,
  voxelCount: volumeMm3,
  voxelVolumeMm3: 1,
  longestDiameterMm: 0,
  perpendicularDiameterMm: 0,
});

/** A prior study, the baseline s0, and follow-ups at 3 (s1) and 6 (s2) months. */
export const timepoints = timepointsFromStudies(
  [
    { studyInstanceUid: 'prior', date: '20251001', time: '' },
    { studyInstanceUid: 's0', date: '20260105', time: '' },
    { studyInstanceUid: 's1', date: '20260406', time: '' },
    { studyInstanceUid: 's2', date: '20260706', time: '' },
  ],
  's0',
);
