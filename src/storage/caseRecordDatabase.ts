import type { IDBPDatabase } from 'idb';
import { keyValueDatabase } from './keyValueDatabase';
import type { SavedRecord } from './savedRecord';
import { stableJson } from './stableJson';

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
  if (opened) {
    try {
      return write(opened);
    } catch {
      // The connection was closed under us: open again (a second failure rejects and is shown as a save error).
      opened = null;
    }
  }
  return openCaseDatabase().then(write);
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

/**
 * Writes the folded record and removes the tab records it holds, in one transaction (both or neither). A tab record
 * saved again since it was read (its tab saved and closed while this tab was loading) is left for the next load.
 */
export async function foldRecords(studiesKey: string, folded: SavedRecord, foldedTabs: readonly StoredRecord[]): Promise<void> {
  const db = await openCaseDatabase();
  const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  void tx.store.put(folded, studiesKey);
  const now = await Promise.all(foldedTabs.map(({ key }) => tx.store.get(key)));
  foldedTabs.forEach(({ key, value }, i) => {
    if (now[i] !== undefined && stableJson(now[i]) === stableJson(value)) void tx.store.delete(key);
  });
  await tx.done;
}

const ASIDE_KEYS = (studiesKey: string) => IDBKeyRange.bound(`${studiesKey}#unreadable-`, `${studiesKey}#unreadable-\uffff`);

/** A record we cannot read is copied aside (and reported by the caller) rather than lost to the next fold; once, not at every load. */
export async function keepAside(key: string, raw: unknown): Promise<void> {
  const studiesKey = key.replace(/#tab:.*$/, '');
  const db = await openCaseDatabase();
  const tx = db.transaction(STORE, 'readwrite');
  const copies: unknown[] = await tx.store.getAll(ASIDE_KEYS(studiesKey));
  const text = stableJson(raw);
  if (!copies.some((copy) => stableJson(copy) === text)) void tx.store.put(raw, `${studiesKey}#unreadable-${new Date().toISOString()}`);
  await tx.done;
}
