import type { AnnotationJson } from '../measure/annotationConversion';

/** Version of the record around the saved state; the state itself has its own (lesions/savedState). */
export const RECORD_VERSION = 2;

/** One record per set of studies, keyed by studiesKey. */
export interface SavedRecord {
  recordVersion: typeof RECORD_VERSION;
  /** serialiseState output: validated with parseSavedState when read back. */
  state: string;
  /** Cornerstone drawings by measurement id, to redraw them exactly. */
  annotations: Record<string, AnnotationJson>;
  savedAt: string;
  /** Incremented by every save, whichever tab made it: a tab that has not seen the latest merges first. */
  revision: number;
  /** Id of the tab that saved it. */
  writer: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The record in the current shape, migrating older ones (version 1 had no version, revision or
 * writer); null when it is not a record we can read, so the caller keeps it aside.
 */
export function migrateRecord(raw: unknown): SavedRecord | null {
  if (!isObject(raw) || typeof raw['state'] !== 'string') return null;
  const annotations = isObject(raw['annotations']) ? (raw['annotations'] as Record<string, AnnotationJson>) : {};
  const savedAt = typeof raw['savedAt'] === 'string' ? raw['savedAt'] : '';
  const version = raw['recordVersion'] ?? 1;
  if (version === 1) return { recordVersion: RECORD_VERSION, state: raw['state'], annotations, savedAt, revision: 0, writer: '' };
  if (version !== RECORD_VERSION) return null;
  const revision = typeof raw['revision'] === 'number' && Number.isInteger(raw['revision']) ? raw['revision'] : 0;
  const writer = typeof raw['writer'] === 'string' ? raw['writer'] : '';
  return { recordVersion: RECORD_VERSION, state: raw['state'], annotations, savedAt, revision, writer };
}
