import { z } from 'zod';

/**
 * A store of the reading (SR, SEG) to a PACS that has not succeeded yet, as kept in this browser until it does.
 * Versioned: a later version adds a migration here, and a record that fails validation is reported, never dropped.
 */
export const PENDING_STORE_VERSION = 1;

const recordSchema = z.object({
  version: z.literal(PENDING_STORE_VERSION),
  id: z.string().min(1),
  label: z.string(),
  serverUrl: z.string(),
  /** ISO time of the first attempt. */
  savedAt: z.string().min(1),
  files: z.array(z.instanceof(ArrayBuffer)).min(1),
  /** Why the last attempt failed, in the words shown to the reader. */
  lastError: z.string().optional(),
});

export type PendingStoreRecord = z.infer<typeof recordSchema>;

export type ParsedPendingStore = { ok: true; record: PendingStoreRecord } | { ok: false; reason: string };

export function parsePendingStoreRecord(value: unknown): ParsedPendingStore {
  const parsed = recordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (typeof version === 'number' && version > PENDING_STORE_VERSION) {
    return { ok: false, reason: `it was saved by a newer SpineLens (version ${version})` };
  }
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `it is damaged (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'unreadable'})` };
}
