import type { AnnotationJson } from '../measure/annotationConversion';
import type { ItemVersion } from './itemVersions';

/** Version of the record around the saved state; the state itself has its own (lesions/savedState). */
export const RECORD_VERSION = 3;

/**
 * One record per set of studies (keyed by studiesKey, the case as last folded together) and one per open tab on
 * them (`<studiesKey>#tab:<tab id>`, written by that tab alone, so a save never reads or overwrites anyone's work).
 */
export interface SavedRecord {
  recordVersion: typeof RECORD_VERSION;
  /** serialiseState output: validated with parseSavedState when read back. */
  state: string;
  /** Cornerstone drawings by measurement id, to redraw them exactly. */
  annotations: Record<string, AnnotationJson>;
  savedAt: string;
  /** Id of the tab that saved it. */
  writer: string;
  /** Version of each item of the case (see caseItems), deletions included, for merging item by item. */
  versions: Record<string, ItemVersion>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isVersion = (v: unknown): v is ItemVersion =>
  isObject(v) && typeof v['at'] === 'number' && typeof v['by'] === 'string' && (v['prev'] === null || (isObject(v['prev']) && typeof v['prev']['at'] === 'number'));

/**
 * The record in the current shape, migrating older ones (version 1 had no version or writer; versions 1 and 2 have
 * no item versions: their items count as older than any change made since); null when it is not a record we can
 * read, so the caller keeps it aside.
 */
export function migrateRecord(raw: unknown): SavedRecord | null {
  if (!isObject(raw) || typeof raw['state'] !== 'string') return null;
  const annotations = isObject(raw['annotations']) ? (raw['annotations'] as Record<string, AnnotationJson>) : {};
  const savedAt = typeof raw['savedAt'] === 'string' ? raw['savedAt'] : '';
  const writer = typeof raw['writer'] === 'string' ? raw['writer'] : '';
  const version = raw['recordVersion'] ?? 1;
  if (version === 1 || version === 2) return { recordVersion: RECORD_VERSION, state: raw['state'], annotations, savedAt, writer, versions: {} };
  if (version !== RECORD_VERSION || !isObject(raw['versions'])) return null;
  const versions = Object.fromEntries(Object.entries(raw['versions']).filter((entry): entry is [string, ItemVersion] => isVersion(entry[1])));
  return { recordVersion: RECORD_VERSION, state: raw['state'], annotations, savedAt, writer, versions };
}
