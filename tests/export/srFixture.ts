import type { SpineLensState } from '../../src/lesions';
import { BASE_UID, FOLLOW_UID, sampleContext, sampleState } from './fixtures';

export const LESION_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const MEASUREMENT_IDS = ['7c9e6679-7425-40de-944b-e07fc1f90ae7', '9b2d8f3e-1c4a-4e5b-8a6d-2f3e4a5b6c7d', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'c56a4180-65aa-42ec-a945-5fd21dec0538'];

/** The CSV fixture with UUID ids, as the app makes them, and an ellipse ROI with HU statistics. */
export function srState(): SpineLensState {
  const state = sampleState();
  const rename = (id: string | undefined) => (id === 'lesion-1' ? LESION_ID : id);
  return {
    ...state,
    lesions: state.lesions.map((l) => ({ ...l, id: LESION_ID })),
    measurements: [
      ...state.measurements.map((m, i) => ({ ...m, id: MEASUREMENT_IDS[i]!, lesionId: rename(m.lesionId) })),
      {
        id: 'd9428888-122b-11e1-b85c-61cd3cbb3210',
        kind: 'ellipse',
        studyInstanceUid: BASE_UID,
        seriesKey: 'S1',
        frameOfReferenceUid: state.measurements[0]!.frameOfReferenceUid,
        createdAt: '2024-01-01T10:00:00.000Z',
        label: '',
        lesionId: LESION_ID,
        points: [[-10, 0, 0], [10, 0, 0], [0, -5, 0], [0, 5, 0]],
        stats: { areaMm2: Math.PI * 10 * 5, mean: 43.25, sd: 3, min: 30, max: 60, unit: 'HU' },
      },
    ],
    segmentationSummaries: state.segmentationSummaries.map((s) => ({ ...s, lesionId: LESION_ID })),
  };
}

export { BASE_UID, FOLLOW_UID, sampleContext };
