import { describe, expect, it } from 'vitest';
import { migrateRecord, RECORD_VERSION } from '../../src/storage/savedRecord';

describe('saved records: versioned and migrated, never dropped', () => {
  it('migrates a version-1 record (no version, revision or writer) keeping its state and drawings', () => {
    const v1 = { state: '{"version":1}', annotations: { m1: { toolName: 'Length' } }, savedAt: '2026-01-05T10:00:00.000Z' };
    expect(migrateRecord(v1)).toEqual({ recordVersion: RECORD_VERSION, state: '{"version":1}', annotations: v1.annotations, savedAt: v1.savedAt, revision: 0, writer: '' });
  });

  it('reads the current version as written', () => {
    const v2 = { recordVersion: 2, state: '{}', annotations: {}, savedAt: 'x', revision: 7, writer: 'tab-a' };
    expect(migrateRecord(v2)).toEqual(v2);
  });

  it('returns null for what it cannot read (a newer version, no state), so the caller keeps it aside', () => {
    expect(migrateRecord({ recordVersion: 3, state: '{}' })).toBeNull();
    expect(migrateRecord({ annotations: {} })).toBeNull();
    expect(migrateRecord('text')).toBeNull();
    expect(migrateRecord(null)).toBeNull();
  });
});
