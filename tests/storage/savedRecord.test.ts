import { describe, expect, it } from 'vitest';
import { migrateRecord, RECORD_VERSION } from '../../src/storage/savedRecord';

describe('saved records: versioned and migrated, never dropped', () => {
  it('migrates a version-1 record (no version or writer) keeping its state and drawings; its items have no versions yet', () => {
    const v1 = { state: '{"version":1}', annotations: { m1: { toolName: 'Length' } }, savedAt: '2026-01-05T10:00:00.000Z' };
    expect(migrateRecord(v1)).toEqual({ recordVersion: RECORD_VERSION, state: '{"version":1}', annotations: v1.annotations, savedAt: v1.savedAt, writer: '', versions: {} });
  });

  it('migrates a version-2 record (one revision for the whole record) keeping its state, drawings and writer', () => {
    const v2 = { recordVersion: 2, state: '{}', annotations: { m1: { toolName: 'Length' } }, savedAt: 'x', revision: 7, writer: 'tab-a' };
    expect(migrateRecord(v2)).toEqual({ recordVersion: RECORD_VERSION, state: '{}', annotations: v2.annotations, savedAt: 'x', writer: 'tab-a', versions: {} });
  });

  it('reads the current version as written, item versions and deletions included', () => {
    const v3 = {
      recordVersion: 3,
      state: '{}',
      annotations: {},
      savedAt: 'x',
      writer: 'tab-a',
      versions: { 'measurement:m1': { at: 5, by: 'tab-a', prev: { at: 2, by: 'tab-b' }, deleted: true }, 'lesion:l1': { at: 3, by: 'tab-b', prev: null } },
    };
    expect(migrateRecord(v3)).toEqual(v3);
  });

  it('returns null for what it cannot read (a newer version, no state, no versions), so the caller keeps it aside', () => {
    expect(migrateRecord({ recordVersion: 4, state: '{}', versions: {} })).toBeNull();
    expect(migrateRecord({ recordVersion: 3, state: '{}' })).toBeNull();
    expect(migrateRecord({ annotations: {} })).toBeNull();
    expect(migrateRecord('text')).toBeNull();
    expect(migrateRecord(null)).toBeNull();
  });
});
