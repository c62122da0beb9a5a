import { keyValueDatabase } from '../../storage/keyValueDatabase';
import { useSaveStatusStore } from '../../state/saveStatusStore';
import { readSavedSegmentation, SEGMENTATION_RECORD_VERSION, type SavedSegmentation, type StoredSegmentation } from './savedSegmentationRecord';

export type { SavedSegmentation } from './savedSegmentationRecord';

const DB_NAME = 'spinelens-segmentations';
const STORE = 'labelmaps';

const database = keyValueDatabase(DB_NAME, STORE);

const SEP = '\u0001';
export const segmentationKey = (studiesKey: string, seriesKey: string, lesionId: string): string => [studiesKey, seriesKey, lesionId].join(SEP);
/** Where an unreadable record is kept: outside every series' key range, so it is never loaded or overwritten. */
const asideKey = (key: string, at: string): string => ['unreadable', key, at].join(SEP);

export async function saveSegmentation(record: SavedSegmentation): Promise<void> {
  const stored: StoredSegmentation = { ...record, recordVersion: SEGMENTATION_RECORD_VERSION };
  await (await database()).put(STORE, stored, segmentationKey(record.studiesKey, record.seriesKey, record.lesionId));
}

export async function deleteSegmentation(studiesKey: string, seriesKey: string, lesionId: string): Promise<void> {
  await (await database()).delete(STORE, segmentationKey(studiesKey, seriesKey, lesionId));
}

/**
 * The saved segmentations of a series (any lesion), newest first, validated and migrated. A record that cannot be
 * read is moved aside (same transaction: copied under another key, then removed from the series' range) and reported.
 */
export async function loadSegmentations(studiesKey: string, seriesKey: string): Promise<SavedSegmentation[]> {
  const prefix = [studiesKey, seriesKey, ''].join(SEP);
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const db = await database();
  const tx = db.transaction(STORE, 'readonly');
  const [keys, raws] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
  await tx.done;
  const records: SavedSegmentation[] = [];
  const unreadable: { key: IDBValidKey; raw: unknown; reason: string }[] = [];
  raws.forEach((raw: unknown, i) => {
    const reading = readSavedSegmentation(raw);
    if (reading.ok) records.push(reading.record);
    else unreadable.push({ key: keys[i]!, raw, reason: reading.reason });
  });
  if (unreadable.length > 0) {
    const count = unreadable.length === 1 ? 'A saved segmentation of this series was' : `${unreadable.length} saved segmentations of this series were`;
    const kept = (await moveAside(unreadable)) ? 'kept aside in this browser' : 'left where it was';
    useSaveStatusStore.getState().setStorageError(`${count} not restored: ${unreadable[0]!.reason}. The record is ${kept}, not overwritten.`);
  }
  return records.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Copies each record under an aside key and removes the original, all or nothing; false when that failed. */
async function moveAside(records: { key: IDBValidKey; raw: unknown }[]): Promise<boolean> {
  try {
    const at = new Date().toISOString();
    const tx = (await database()).transaction(STORE, 'readwrite');
    const writes = records.flatMap(({ key, raw }) => [tx.store.put(raw, asideKey(String(key), at)), tx.store.delete(key)]);
    await Promise.all([...writes, tx.done]);
    return true;
  } catch {
    return false;
  }
}
