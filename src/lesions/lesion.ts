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

/** Result of segmenting one lesion at one timepoint. */
export interface SegmentationSummary {
  lesionId: string;
  studyInstanceUid: string;
  seriesKey: string;
  volumeMm3: number;
  voxelCount: number;
  voxelVolumeMm3: number;
  longestDiameterMm: number;
  perpendicularDiameterMm: number;
}
