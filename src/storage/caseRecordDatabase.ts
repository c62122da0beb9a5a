import type { IDBPDatabase } from 'idb';
import { keyValueDatabase } from './keyValueDatabase';
import type { SavedRecord } from './savedRecord';

const STORE = 'studyStates';
const database = keyValueDatabase('spinelens', STORE);
/** The database once open, so a save starts its transaction in the same task as the edit (no await before the put). */
let opened: IDBPDatabase | null = null;

/** Opens the database now (at startup), not at the first edit: a tab killed right after its first edit has no time for an open. */
export function openCaseDatabase(): Promise<IDBPDatabase> {
  return database().then((db) => (opened = db));
}

export const tabRecordKey = (studiesKey: string, tab: string): string => `${studiesKey}#tab:${tab}`;
const TAB_KEYS = (studiesKey: string) => IDBKeyRange.bound(`${studiesKey}#tab:`, `${studiesKey}#tab:\uffff`);

/**
 * Writes one record under its key: one put, nothing read first, committed at once. Strict: on disk before it
 * counts as done.
 */
export function putRecord(key: string, record: SavedRecord): Promise<void> {
  const write = (db: IDBPDatabase) => {
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    void tx.store.put(record, key).catch(() => {});
    // Commit now rather than when the put's success has come back to this page: one round trip less.
    tx.commit();
    return tx.done;
  };
  return opened ? write(opened) : openCaseDatabase().then(write);
}

export interface StoredRecord {
  key: string;
  value: unknown;
}

/** The folded record of these studies and every tab record on them. */
export async function readRecords(studiesKey: string): Promise<StoredRecord[]> {
  const db = await openCaseDatabase();
  const tx = db.transaction(STORE, 'readonly');
  const [folded, tabKeys, tabValues] = await Promise.all([tx.store.get(studiesKey), tx.store.getAllKeys(TAB_KEYS(studiesKey)), tx.store.getAll(TAB_KEYS(studiesKey))]);
  const tabs = tabKeys.map((key, i) => ({ key: String(key), value: tabValues[i] as unknown }));
  return folded === undefined ? tabs : [{ key: studiesKey, value: folded as unknown }, ...tabs];
}

/** Writes the folded record and removes the tab records it holds, in one transaction (both or neither). */
export async function foldRecords(studiesKey: string, folded: SavedRecord, foldedTabKeys: readonly string[]): Promise<void> {
  const db = await openCaseDatabase();
  const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  void tx.store.put(folded, studiesKey);
  for (const key of foldedTabKeys) void tx.store.delete(key);
  await tx.done;
}

/** A record we cannot read is copied aside (and reported by the caller) rather than lost to the next fold. */
export async function keepAside(key: string, raw: unknown): Promise<void> {
  const db = await openCaseDatabase();
  await db.put(STORE, raw, `${key.replace(/#tab:.*$/, '')}#unreadable-${new Date().toISOString()}`);
}
