import { z } from 'zod';
import { STATE_VERSION, type SpineLensState } from './state';
import { spineLensStateSchema } from './stateSchema';

export type ParseResult = { ok: true; state: SpineLensState } | { ok: false; error: string };

type SavedObject = Record<string, unknown>;
/** migrations[n] upgrades a saved object from version n to version n + 1. */
export type Migrations = Readonly<Record<number, (saved: SavedObject) => SavedObject>>;

/** Version 1 is the first format, so there is nothing to migrate yet. Add `1: (v1) => v2` here when v2 comes. */
export const MIGRATIONS: Migrations = {};

const MAX_REPORTED_ISSUES = 5;

export function serialiseState(state: SpineLensState): string {
  return JSON.stringify(state);
}

/** Validates saved state (an object, or the JSON text of one), migrating older versions first. */
export function parseSavedState(json: unknown): ParseResult {
  let raw = json;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch (e) {
      return { ok: false, error: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
    }
  }
  const migrated = migrateSavedState(raw);
  if (!migrated.ok) return migrated;
  const result = spineLensStateSchema.safeParse(migrated.saved);
  if (!result.success) return { ok: false, error: `The saved SpineLens state is invalid: ${describeIssues(result.error)}` };
  return { ok: true, state: result.data };
}

export function migrateSavedState(
  raw: unknown,
  migrations: Migrations = MIGRATIONS,
  targetVersion: number = STATE_VERSION,
): { ok: true; saved: SavedObject } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'The saved SpineLens state is not an object.' };
  }
  let saved = raw as SavedObject;
  const version = saved['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: 'The saved SpineLens state has no valid "version" field.' };
  }
  if (version > targetVersion) {
    return { ok: false, error: `The state was saved by a newer SpineLens (format version ${version}; this version reads up to ${targetVersion}).` };
  }
  for (let v = version; v < targetVersion; v++) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, error: `Saved state format version ${v} is not supported.` };
    saved = { ...migrate(saved), version: v + 1 };
  }
  return { ok: true, saved };
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const path = formatPath(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - issues.length;
  return issues.join('; ') + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
