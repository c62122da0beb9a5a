import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedRecord } from '../../src/storage/savedRecord';

/** An in-memory stand-in for the one IndexedDB object store, behind idb's openDB (no IndexedDB in Node). */
const rows = new Map<string, unknown>();
let opens = 0;
let connectionClosed = false;
let terminated: (() => void) | undefined;

interface Range {
  lower: string;
  upper: string;
}
const inRange = (key: string, range?: Range) => !range || (key >= range.lower && key <= range.upper);
const store = {
  get: async (key: string) => rows.get(key),
  put: async (value: unknown, key: string) => void rows.set(key, value),
  delete: async (key: string) => void rows.delete(key),
  getAll: async (range?: Range) => [...rows].filter(([k]) => inRange(k, range)).map(([, v]) => v),
  getAllKeys: async (range?: Range) => [...rows.keys()].filter((k) => inRange(k, range)),
};
const fakeDb = {
  transaction() {
    if (connectionClosed) throw new DOMException('The database connection is closing.', 'InvalidStateError');
    return { store, commit() {}, done: Promise.resolve() };
  },
  put: (_store: string, value: unknown, key: string) => store.put(value, key),
};
vi.mock('idb', () => ({
  openDB: async (_name: string, _version: number, callbacks: { terminated?: () => void }) => {
    opens++;
    connectionClosed = false;
    terminated = callbacks.terminated;
    return fakeDb;
  },
}));

const record = (savedAt: string, writer = 'B'): SavedRecord =>
  ({ recordVersion: 1, state: {}, annotations: {}, savedAt, writer, versions: {} }) as unknown as SavedRecord;

beforeEach(() => {
  vi.stubGlobal('indexedDB', {});
  vi.stubGlobal('IDBKeyRange', { bound: (lower: string, upper: string): Range => ({ lower, upper }) });
  rows.clear();
  vi.resetModules();
  opens = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('folding the records of closed tabs', () => {
  it('keeps a tab record that was saved again after it was read (its last edit is not deleted with it)', async () => {
    const db = await import('../../src/storage/caseRecordDatabase');
    rows.set('k#tab:B', record('2026-01-01T10:00:00.000Z'));
    rows.set('k#tab:C', record('2026-01-01T10:00:00.000Z', 'C'));
    const read = await db.readRecords('k');
    // Tab B saves once more (and closes) between this tab's read and its fold.
    const lastEdit = record('2026-01-01T10:00:01.000Z');
    rows.set('k#tab:B', lastEdit);
    await db.foldRecords('k', record('2026-01-01T10:00:02.000Z', 'A'), read);
    expect(rows.get('k#tab:B')).toEqual(lastEdit);
    expect(rows.has('k#tab:C')).toBe(false);
    expect(rows.has('k')).toBe(true);
  });
});

describe('a save on a closed connection', () => {
  it('rejects instead of throwing, so the save shows its error and stops being pending', async () => {
    const db = await import('../../src/storage/caseRecordDatabase');
    await db.openCaseDatabase();
    connectionClosed = true; // closed without the browser saying so
    let result: Promise<void> | undefined;
    expect(() => (result = db.putRecord('k#tab:A', record('2026-01-01T10:00:00.000Z', 'A')))).not.toThrow();
    await expect(result).rejects.toThrow(/closing/);
  });

  it('opens the database again once the browser has closed the connection', async () => {
    const db = await import('../../src/storage/caseRecordDatabase');
    await db.openCaseDatabase();
    connectionClosed = true;
    terminated?.();
    await db.putRecord('k#tab:A', record('2026-01-01T10:00:00.000Z', 'A'));
    expect(opens).toBe(2);
    expect(rows.has('k#tab:A')).toBe(true);
  });
});

describe('an unreadable record kept aside', () => {
  it('is copied aside once, not again on every load', async () => {
    const db = await import('../../src/storage/caseRecordDatabase');
    const unreadable = { recordVersion: 99, whatever: [1, 2, 3] };
    rows.set('k#tab:B', unreadable);
    await db.keepAside('k#tab:B', unreadable);
    await new Promise((r) => setTimeout(r, 2)); // a later load: another timestamp
    await db.keepAside('k#tab:B', unreadable);
    const asides = [...rows.keys()].filter((k) => k.startsWith('k#unreadable-'));
    expect(asides).toHaveLength(1);
    expect(rows.get(asides[0]!)).toEqual(unreadable);
    // A different unreadable record is copied aside too.
    await db.keepAside('k#tab:B', { recordVersion: 99, whatever: [4] });
    expect([...rows.keys()].filter((k) => k.startsWith('k#unreadable-'))).toHaveLength(2);
  });
});
