import { storeInstances } from './core/client';
import { DicomWebError, errorMessage } from './core/errors';
import { PENDING_STORE_VERSION } from './core/pendingStoreRecord';
import { forgetPendingStore, keepPendingStore, readPendingStores } from './pendingStoreDatabase';
import { useViewerStore } from '../../state/viewerStore';
import { selectedServer, useDicomWebStore, type PendingStore } from './store';

const RETRY_ADVICE = 'The reading is kept in this browser: retry when the server is back.';

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** Writes the store to IndexedDB (with why it failed, if it did); a browser that cannot keep it says so in the message. */
async function keep(pending: PendingStore, lastError?: string): Promise<string | null> {
  try {
    await keepPendingStore({
      version: PENDING_STORE_VERSION,
      id: pending.id,
      label: pending.label,
      serverUrl: pending.serverUrl,
      savedAt: pending.savedAt,
      files: pending.files,
      ...(lastError ? { lastError } : {}),
    });
    return null;
  } catch (error) {
    return `It could not be kept in this browser either (${errorMessage(error)}): do not close this page before it is stored.`;
  }
}

async function attemptStore(pending: PendingStore): Promise<PendingStore> {
  const store = useDicomWebStore.getState();
  const server = store.servers.find((s) => s.url === pending.serverUrl);
  store.upsertPendingStore({ ...pending, state: 'storing', message: 'Storing…' });
  let outcome: PendingStore;
  try {
    if (!server) throw new DicomWebError('notFound', `The server ${pending.serverUrl || '(none chosen)'} is not in the list: add it in the PACS panel.`);
    const result = await storeInstances(server, pending.files);
    outcome =
      result.failed.length === 0
        ? { ...pending, state: 'stored', message: `Stored on ${server.name} (${result.stored.length} object${result.stored.length === 1 ? '' : 's'}).`, files: [] }
        : { ...pending, state: 'failed', message: `${server.name} refused ${result.failed.length} of ${pending.files.length} objects (${result.failed[0]?.reason}). ${RETRY_ADVICE}` };
  } catch (error) {
    outcome = { ...pending, state: 'failed', message: `Not stored: ${errorMessage(error)} ${RETRY_ADVICE}` };
  }
  if (outcome.state === 'stored') {
    await forgetPendingStore(pending.id).catch(() => {
      // Left behind, it would be offered again after a reload: storing it twice is harmless (same SOP Instance UIDs).
    });
  } else {
    const problem = await keep(pending, outcome.message);
    if (problem) outcome = { ...outcome, message: `${outcome.message} ${problem}` };
  }
  useDicomWebStore.getState().upsertPendingStore(outcome);
  return outcome;
}

/**
 * Stores the reading's DICOM objects (SR, SEG) on the chosen server with STOW-RS. The store is kept in IndexedDB
 * before it is sent and forgotten only once the server has it: a failure, a reload or a closed tab loses nothing, and
 * the PACS panel lists it with Retry.
 */
export async function storeReading(files: ArrayBuffer[], label: string): Promise<PendingStore> {
  const server = selectedServer();
  const pending: PendingStore = { id: newId(), label, serverUrl: server?.url ?? '', files, savedAt: new Date().toISOString(), state: 'storing', message: 'Storing…' };
  useDicomWebStore.getState().upsertPendingStore(pending);
  await keep(pending);
  return attemptStore(pending);
}

export function retryStore(id: string): Promise<PendingStore> | null {
  const pending = useDicomWebStore.getState().pendingStores.find((s) => s.id === id);
  if (!pending || pending.state !== 'failed') return null;
  const server = selectedServer();
  return attemptStore(pending.serverUrl || !server ? pending : { ...pending, serverUrl: server.url });
}

/** The reason of the last failed attempt, without the advice that went with it. */
function lastTry(lastError: string | undefined): string {
  const reason = lastError?.replace(/^Not stored: /, '').replace(/ The reading is kept.*$/, '');
  return reason ? ` Last try: ${reason}` : '';
}

/**
 * Lists the stores kept from earlier sessions (failed, or cut off by a reload) in the PACS panel, each with Retry, and
 * opens that panel when no other is open, so a reading still waiting for the PACS is seen.
 */
export async function restorePendingStores(): Promise<void> {
  let saved;
  try {
    saved = await readPendingStores();
  } catch (error) {
    useDicomWebStore.getState().setError(`Stores of readings kept in this browser could not be read: ${errorMessage(error)}`);
    return;
  }
  const shown = new Set(useDicomWebStore.getState().pendingStores.map((s) => s.id));
  for (const record of saved.records) {
    if (shown.has(record.id)) continue;
    const since = new Date(record.savedAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
    useDicomWebStore.getState().upsertPendingStore({
      id: record.id,
      label: record.label,
      serverUrl: record.serverUrl,
      files: record.files,
      savedAt: record.savedAt,
      state: 'failed',
      message: `Not stored yet, kept in this browser since ${since}.${lastTry(record.lastError)} Retry when the server is reachable.`,
    });
  }
  const waiting = saved.records.length + saved.unreadable.length;
  if (waiting > 0 && useViewerStore.getState().rightPanel === null) useViewerStore.getState().setPanel('pacs');
  if (saved.unreadable.length > 0) {
    const first = saved.unreadable[0]!;
    useDicomWebStore
      .getState()
      .setError(`${saved.unreadable.length} store${saved.unreadable.length === 1 ? '' : 's'} kept in this browser cannot be read (${first.reason}); ${saved.unreadable.length === 1 ? 'it is' : 'they are'} left in place, not deleted.`);
  }
}
