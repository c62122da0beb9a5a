import { keyValueDatabase } from '../../storage/keyValueDatabase';
import { parsePendingStoreRecord, type PendingStoreRecord } from './core/pendingStoreRecord';

const STORE = 'pending';
const database = keyValueDatabase('spinelens-pacs-stores', STORE);

/** Keeps (or updates) a store that has not reached the PACS yet, so a reload or a closed tab does not lose it. */
export async function keepPendingStore(record: PendingStoreRecord): Promise<void> {
  await (await database()).put(STORE, record, record.id);
}

/** Forgets a store once the PACS has it. */
export async function forgetPendingStore(id: string): Promise<void> {
  await (await database()).delete(STORE, id);
}

export interface SavedPendingStores {
  records: PendingStoreRecord[];
  /** Records that cannot be read: left in the database (never deleted), reported by key and reason. */
  unreadable: { key: string; reason: string }[];
}

export async function readPendingStores(): Promise<SavedPendingStores> {
  const db = await database();
  const tx = db.transaction(STORE, 'readonly');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  const out: SavedPendingStores = { records: [], unreadable: [] };
  values.forEach((value: unknown, i) => {
    const parsed = parsePendingStoreRecord(value);
    if (parsed.ok) out.records.push(parsed.record);
    else out.unreadable.push({ key: String(keys[i]), reason: parsed.reason });
  });
  out.records.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  return out;
}
