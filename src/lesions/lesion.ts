export const LESION_SITES = [
  'osseous',
  'epidural',
  'paraspinal',
  'osseous+epidural',
  'osseous+paraspinal',
  'epidural+paraspinal',
  'osseous+epidural+paraspinal',
  'intradural',
  'other',
] as const;
export type LesionSite = (typeof LESION_SITES)[number];

export const LESION_STATUSES = ['tracked', 'resolved', 'new'] as const;
/** 'new' marks a lesion absent at baseline: its appearance counts as progression. */
export type LesionStatus = (typeof LESION_STATUSES)[number];

export interface Lesion {
  id: string;
  name: string;
  /** Formatted level such as "C2-3"; free text when the user overrides it. */
  level: string;
  levelSource: 'auto' | 'user';
  site: LesionSite;
  notes: string;
  status: LesionStatus;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

export const SEGMENTATION_FLAG_CODES = ['few-voxels', 'field-of-view', 'growth-cap', 'larger-than-ellipsoid', 'unlike-other-timepoint', 'reaches-gap'] as const;
/** Why a segmented volume may not be what it seems: shown in the panel, and kept out of the response until confirmed. */
export type SegmentationFlagCode = (typeof SEGMENTATION_FLAG_CODES)[number];

export interface SegmentationFlag {
  code: SegmentationFlagCode;
  /** Plain-language reason and suggestion, shown to the reader. */
  message: string;
}

/** Result of segmenting one lesion in one series (a study may hold several: CT and MR). */
export interface SegmentationSummary {
  lesionId: string;
  studyInstanceUid: string;
  seriesKey: string;
  /** How the region was made: a click (grow), a line across the lesion, or painted by hand. */
  method?: 'grow' | 'line' | 'edit';
  modality?: string;
  seriesDescription?: string;
  /** Plausibility problems; a flagged summary does not drive the response until confirmedAt is set. */
  flags?: readonly SegmentationFlag[];
  /** ISO 8601: when the reader confirmed a flagged volume as right. */
  confirmedAt?: string;
  /** ISO 8601: when this series first got a volume for the lesion (kept through re-grows); orders the series. */
  createdAt?: string;
  volumeMm3: number;
  voxelCount: number;
  voxelVolumeMm3: number;
  longestDiameterMm: number;
  perpendicularDiameterMm: number;
}
