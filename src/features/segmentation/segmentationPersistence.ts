import { keyValueDatabase } from '../../storage/keyValueDatabase';
import type { RleLabelmap } from '../../segment/core';

const DB_NAME = 'spinelens-segmentations';
const STORE = 'labelmaps';

/** One labelmap of one lesion on one series, run-length encoded. */
export interface SavedSegmentation {
  /** The StudyInstanceUID of the segmented series (the field keeps its first name so saved records still load). */
  studiesKey: string;
  seriesKey: string;
  lesionId: string;
  dimensions: [number, number, number];
  rle: RleLabelmap;
  savedAt: string;
}

const database = keyValueDatabase(DB_NAME, STORE);

const SEP = '\u0001';
export const segmentationKey = (studiesKey: string, seriesKey: string, lesionId: string): string => [studiesKey, seriesKey, lesionId].join(SEP);

export async function saveSegmentation(record: SavedSegmentation): Promise<void> {
  await (await database()).put(STORE, record, segmentationKey(record.studiesKey, record.seriesKey, record.lesionId));
}

export async function deleteSegmentation(studiesKey: string, seriesKey: string, lesionId: string): Promise<void> {
  await (await database()).delete(STORE, segmentationKey(studiesKey, seriesKey, lesionId));
}

/** The saved segmentations of a series (any lesion), newest first. */
export async function loadSegmentations(studiesKey: string, seriesKey: string): Promise<SavedSegmentation[]> {
  const prefix = [studiesKey, seriesKey, ''].join(SEP);
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const records = (await (await database()).getAll(STORE, range)) as SavedSegmentation[];
  return records.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
