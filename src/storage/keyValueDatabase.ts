import { openDB, type IDBPDatabase } from 'idb';

/**
 * Opens (once) an IndexedDB database holding one object store. A failed open is not cached, so
 * the next call tries again; the error reaches the caller, who shows it to the user.
 */
export function keyValueDatabase(name: string, store: string): () => Promise<IDBPDatabase> {
  let db: Promise<IDBPDatabase> | null = null;
  return () => {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('this browser has no IndexedDB (private mode?)'));
    db ??= openDB(name, 1, {
      upgrade(upgradeDb) {
        if (!upgradeDb.objectStoreNames.contains(store)) upgradeDb.createObjectStore(store);
      },
      // A connection the browser closed, or that a newer version elsewhere needs closed, is forgotten: the next call opens again.
      blocking() {
        void db?.then((open) => open.close());
        db = null;
      },
      terminated() {
        db = null;
      },
    }).catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db;
  };
}
