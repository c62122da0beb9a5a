import type { SpineLensState } from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import type { CaseContext } from '../../src/export';

export const BASE_UID = '1.2.826.0.1.3680043.8.498.1';
export const FOLLOW_UID = '1.2.826.0.1.3680043.8.498.2';
export const FOR_UID = '1.2.826.0.1.3680043.8.498.9';

const base = (id: string, studyInstanceUid: string, seriesKey: string) => ({
  id,
  studyInstanceUid,
  seriesKey,
  frameOfReferenceUid: FOR_UID,
  createdAt: '2024-01-01T10:00:00.000Z',
  label: '',
  lesionId: 'lesion-1',
  level: 'C2-3',
  viewPlaneNormal: [0, 0, 1] as [number, number, number],
});

/** A lesion measured by hand at baseline (3-4-5 triangle lengths: 50 mm) and segmented at both timepoints. */
export function sampleState(): SpineLensState {
  const measurements: Measurement[] = [
    { ...base('m1', BASE_UID, 'S1'), kind: 'length', points: [[0, 0, 0], [30, 40, 0]] },
    { ...base('m2', BASE_UID, 'S1'), kind: 'bidirectional', long: [[0, 0, 0], [0, 24, 0]], short: [[-5, 12, 0], [5, 12, 0]], shortAxisSet: true },
    { ...base('m3', FOLLOW_UID, 'S2'), kind: 'length', points: [[1, 2, 3], [1, 2, 23]] },
    { ...base('m4', FOLLOW_UID, 'S2'), kind: 'arrow', points: [[0, 0, 0], [1, 1, 0]], text: 'look here' },
  ];
  return {
    version: 1,
    studiesKey: [BASE_UID, FOLLOW_UID].sort().join('|'),
    lesions: [{ id: 'lesion-1', name: 'Epidural C2', level: 'C2-3', levelSource: 'user', site: 'epidural', notes: '', status: 'tracked', createdAt: '2024-01-01T10:00:00.000Z' }],
    measurements,
    labels: [{ id: 'lab1', vertebra: 'C2', position: [0, 0, 10], studyInstanceUid: BASE_UID, frameOfReferenceUid: FOR_UID }],
    segmentationSummaries: [
      { lesionId: 'lesion-1', studyInstanceUid: BASE_UID, seriesKey: 'S1', volumeMm3: 4188.79, voxelCount: 4189, voxelVolumeMm3: 1, longestDiameterMm: 20, perpendicularDiameterMm: 20 },
      { lesionId: 'lesion-1', studyInstanceUid: FOLLOW_UID, seriesKey: 'S2', volumeMm3: 1256.64, voxelCount: 1257, voxelVolumeMm3: 1, longestDiameterMm: 14, perpendicularDiameterMm: 14 },
    ],
    baselineStudyUid: BASE_UID,
  };
}

export const sampleContext: CaseContext = {
  patientName: 'Doe^Jane',
  patientId: 'PID-0042',
  studies: [
    { studyInstanceUid: FOLLOW_UID, date: '20240410', time: '090000', description: 'MR C-SPINE', series: [{ seriesKey: 'S2', seriesInstanceUid: 'S2', modality: 'MR', description: 'T1 SAG' }] },
    { studyInstanceUid: BASE_UID, date: '20240110', time: '090000', description: 'MR C-SPINE', series: [{ seriesKey: 'S1', seriesInstanceUid: 'S1', modality: 'MR', description: 'T1 SAG' }] },
  ],
};
