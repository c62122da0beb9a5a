import type { Measurement } from '../measure/types';
import type { StudyAlignment } from './alignment';
import type { Lesion, SegmentationSummary } from './lesion';
import type { VertebralLabel } from './vertebralLabel';

export const STATE_VERSION = 1;

/** Everything the user has created for a set of studies: autosaved and exported as JSON. */
export interface SpineLensState {
  version: typeof STATE_VERSION;
  /** Identifies the set of loaded studies this state belongs to (see studiesKey). */
  studiesKey: string;
  lesions: readonly Lesion[];
  measurements: readonly Measurement[];
  labels: readonly VertebralLabel[];
  segmentationSummaries: readonly SegmentationSummary[];
  baselineStudyUid?: string;
  /** One entry per aligned pair of studies (baseline → follow-up). */
  alignment?: readonly StudyAlignment[];
  /** The series the reader chose to count at a timepoint holding values from several (CT and MR). */
  countedSeries?: readonly CountedSeriesChoice[];
  /** Per measurement id: a level from the labels that an edit changed, until the reader keeps the old one or uses the new. */
  levelChanges?: Readonly<Record<string, LevelChange>>;
}

export interface LevelChange {
  from: string;
  to: string;
}

export interface CountedSeriesChoice {
  studyInstanceUid: string;
  seriesKey: string;
}

/** Order-independent key for a set of studies: sorted unique StudyInstanceUIDs joined by '|'. */
export function studiesKey(studyInstanceUids: readonly string[]): string {
  return [...new Set(studyInstanceUids)].sort().join('|');
}

export function emptyState(key: string): SpineLensState {
  return { version: STATE_VERSION, studiesKey: key, lesions: [], measurements: [], labels: [], segmentationSummaries: [] };
}
