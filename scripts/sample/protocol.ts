import type { Vec3 } from '../../src/geometry/vec3';
import type { Grid } from './grid';
import { BASELINE_LESION, FOLLOWUP_LESION, type Lesion } from './lesion';
import { CT_HU, MR_T2 } from './tissues';
import { IDENTITY_TRANSFORM, rotationX, type RigidTransform } from './transform';

/** Everything fixed about the fictitious case: patient, studies, series, acquisition geometry. */

export const SEED = 'spinelens-cspine-phantom-v1';

export const PATIENT = {
  name: 'PHANTOM^CSPINE',
  id: 'SLPH-0001',
  birthDate: '19680314',
  sex: 'F',
} as const;

export type TimepointId = 'baseline' | 'followup';

export interface Study {
  readonly timepoint: TimepointId;
  readonly date: string;
  readonly time: string;
  readonly description: string;
  readonly accessionNumber: string;
  readonly studyId: string;
  readonly patientAge: string;
  readonly lesion: Lesion;
  /** Patient pose: anatomy (= baseline patient) coordinates → this study's patient coordinates. */
  readonly pose: RigidTransform;
}

export const FOLLOWUP_ROTATION_DEG = 3;
export const FOLLOWUP_TRANSLATION_MM: Vec3 = [3, -4, 6];

export const STUDIES: Record<TimepointId, Study> = {
  baseline: {
    timepoint: 'baseline',
    date: '20260105',
    time: '091500',
    description: 'C-SPINE CT AND MRI - BASELINE',
    accessionNumber: 'SLACC260105',
    studyId: '1001',
    patientAge: '057Y',
    lesion: BASELINE_LESION,
    pose: IDENTITY_TRANSFORM,
  },
  followup: {
    timepoint: 'followup',
    date: '20260406',
    time: '143000',
    description: 'MRI C-SPINE - 3 MONTH FOLLOW-UP',
    accessionNumber: 'SLACC260406',
    studyId: '1002',
    patientAge: '058Y',
    lesion: FOLLOWUP_LESION,
    // The patient lies a little differently: head tilted 3° about the left–right axis, then shifted.
    pose: { rotation: rotationX(FOLLOWUP_ROTATION_DEG), translation: FOLLOWUP_TRANSLATION_MM },
  },
};

export type SeriesId = 'baseline-ct' | 'baseline-mr' | 'followup-mr';

export interface SeriesSpec {
  readonly id: SeriesId;
  readonly timepoint: TimepointId;
  readonly modality: 'CT' | 'MR';
  /** Folder under the output directory. */
  readonly directory: string;
  readonly seriesNumber: number;
  readonly description: string;
  readonly seriesTime: string;
  readonly grid: Grid;
  /** Noise-free signal per tissue, indexed by Tissue. */
  readonly tissueValues: readonly number[];
  readonly noiseSigma: number;
}

/** Axial CT, 0.5 mm pixels, 1.25 mm slices from above C1 to below C5, first image most cranial. */
const CT_GRID: Grid = {
  columns: 256,
  rows: 256,
  slices: 73,
  pixelSpacing: [0.5, 0.5],
  sliceSpacing: 1.25,
  sliceThickness: 1.25,
  rowDirection: [1, 0, 0],
  columnDirection: [0, 1, 0],
  origin: [-63.75, -65.75, 45],
  // Normal of an axial image (x × y) is +z (head): step down towards the feet.
  sliceOrder: -1,
  supersample: [2, 2, 2],
};

/** Sagittal T2, 0.6 mm pixels, 3 mm slices from patient right to left; rows run head → feet. */
const MR_GRID: Grid = {
  columns: 256,
  rows: 256,
  slices: 19,
  pixelSpacing: [0.6, 0.6],
  sliceSpacing: 3,
  sliceThickness: 3,
  rowDirection: [0, 1, 0],
  columnDirection: [0, 0, -1],
  origin: [-27, -78.5, 51.5],
  // Normal of [0,1,0,0,0,-1] is -x (patient right): step the other way, towards the left.
  sliceOrder: -1,
  supersample: [2, 2, 4],
};

export const SERIES: readonly SeriesSpec[] = [
  {
    id: 'baseline-ct',
    timepoint: 'baseline',
    modality: 'CT',
    directory: 'baseline/ct',
    seriesNumber: 2,
    description: 'C-SPINE AXIAL 1.25MM STANDARD',
    seriesTime: '092012',
    grid: CT_GRID,
    tissueValues: CT_HU,
    noiseSigma: 6,
  },
  {
    id: 'baseline-mr',
    timepoint: 'baseline',
    modality: 'MR',
    directory: 'baseline/mr',
    seriesNumber: 301,
    description: 'SAG T2 TSE',
    seriesTime: '101030',
    grid: MR_GRID,
    tissueValues: MR_T2,
    noiseSigma: 20,
  },
  {
    id: 'followup-mr',
    timepoint: 'followup',
    modality: 'MR',
    directory: 'followup/mr',
    seriesNumber: 301,
    description: 'SAG T2 TSE',
    seriesTime: '144215',
    grid: MR_GRID,
    tissueValues: MR_T2,
    noiseSigma: 20,
  },
];

export const seriesById = (id: SeriesId): SeriesSpec => {
  const s = SERIES.find((x) => x.id === id);
  if (!s) throw new Error(`unknown series ${id}`);
  return s;
};
