import { describe, expect, it } from 'vitest';
import { parsePendingStoreRecord, PENDING_STORE_VERSION } from '../../src/features/dicomweb/core/pendingStoreRecord';

const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const record = { version: PENDING_STORE_VERSION, id: 'a', label: 'Reading of PHANTOM', serverUrl: '/pacs', savedAt: '2026-11-27T18:00:00.000Z', files: [bytes(1, 2, 3), bytes(4)] };

describe('a pending store as kept in IndexedDB', () => {
  it('survives the structured clone IndexedDB makes, files byte for byte', () => {
    const parsed = parsePendingStoreRecord(structuredClone({ ...record, lastError: 'Not stored: HTTP 502' }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.files.map((f) => Array.from(new Uint8Array(f)))).toEqual([[1, 2, 3], [4]]);
    expect(parsed.record.lastError).toBe('Not stored: HTTP 502');
  });

  it('names what is wrong with a record it cannot use, and a newer version as such', () => {
    const noFiles = parsePendingStoreRecord({ ...record, files: [] });
    expect(noFiles).toMatchObject({ ok: false, reason: expect.stringMatching(/^it is damaged \(files:/) });
    const notBytes = parsePendingStoreRecord({ ...record, files: ['not bytes'] });
    expect(notBytes).toMatchObject({ ok: false, reason: expect.stringMatching(/^it is damaged \(files\.0:/) });
    expect(parsePendingStoreRecord({ ...record, version: PENDING_STORE_VERSION + 1 })).toEqual({ ok: false, reason: `it was saved by a newer SpineLens (version ${PENDING_STORE_VERSION + 1})` });
    expect(parsePendingStoreRecord(null)).toMatchObject({ ok: false });
  });
});
