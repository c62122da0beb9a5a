import { keyValueDatabase } from './keyValueDatabase';
import { mergeStates, parseSavedState, serialiseState, studiesKey, type SpineLensState } from '../lesions';
import { useViewerStore } from '../state/viewerStore';
import { useMeasurementStore } from '../state/measurementStore';
import { useSaveStatusStore } from '../state/saveStatusStore';
import type { PatientNode } from '../dicom/types';
import type { AnnotationJson } from '../measure/annotationConversion';
import { migrateRecord, RECORD_VERSION, type SavedRecord } from './savedRecord';
import { useSyncNotice } from './syncNotice';

const DB_NAME = 'spinelens';
const STORE = 'studyStates';
const CHANNEL = 'spinelens-autosave';

const database = keyValueDatabase(DB_NAME, STORE);

/** Redraws restored measurements (the measurements feature owns the Cornerstone side). */
export type RestoreDrawings = (measurements: SpineLensState['measurements'], annotations: Record<string, AnnotationJson>) => void;
let restoreDrawings: RestoreDrawings = () => {};
const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

const describe = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));

const keyOfPatients = (patients: readonly PatientNode[]): string =>
  studiesKey(patients.flatMap((p) => p.studies.flatMap((s) => s.series.flatMap((se) => se.frames.slice(0, 1).map((f) => f.instance.studyInstanceUid)))));

/** Studies whose saved record could not be read, with why: saving over it could lose that work. */
const unreadableKeys = new Map<string, string>();
/** The revision of each key this tab has read or written: a newer one in the database came from another tab. */
const seenRevision = new Map<string, number>();

interface SaveMessage {
  key: string;
  revision: number;
  writer: string;
}

/**
 * Saves the measurement state to IndexedDB on every change (one write at a time; a change during a
 * write is saved right after it), flushes on pagehide/hidden, and brings it back when the same
 * studies are loaded again. Another tab's saves on the same studies are merged in, never
 * overwritten. Failures are put in the store's storageError, never swallowed.
 */
export function startAutosave(onRestored: RestoreDrawings): () => void {
  restoreDrawings = onRestored;
  let loadedKey = '';
  let writing = false;
  let again = false;

  const saveNow = () => {
    if (!useMeasurementStore.getState().state.studiesKey) return;
    useSaveStatusStore.getState().setSavePending(true);
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    void save(channel).finally(() => {
      writing = false;
      if (again) {
        again = false;
        saveNow();
      }
    });
  };

  const onPatients = (patients: readonly PatientNode[]) => {
    const key = keyOfPatients(patients);
    if (!key || key === loadedKey) return;
    loadedKey = key;
    void loadFor(key);
  };

  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  if (channel) {
    channel.onmessage = (event: MessageEvent<SaveMessage>) => {
      const { key, revision, writer } = event.data;
      if (writer === TAB_ID || key !== useMeasurementStore.getState().state.studiesKey) return;
      if ((seenRevision.get(key) ?? -1) >= revision) return;
      void mergeFromOtherTab(key);
    };
  }

  const flush = () => {
    if (useSaveStatusStore.getState().savePending && !writing) saveNow();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);

  const unsubscribeViewer = useViewerStore.subscribe((s, prev) => {
    if (s.patients !== prev.patients) onPatients(s.patients);
  });
  const unsubscribeMeasurements = useMeasurementStore.subscribe((s, prev) => {
    if (s.state !== prev.state || s.annotations !== prev.annotations) saveNow();
  });
  onPatients(useViewerStore.getState().patients);

  return () => {
    unsubscribeViewer();
    unsubscribeMeasurements();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    channel?.close();
  };
}

/** Reads the record for `key`; an unreadable one is kept aside under another key and reported. */
async function readRecord(key: string, stored: unknown): Promise<{ record: SavedRecord | null; state: SpineLensState | null }> {
  if (stored === undefined) return { record: null, state: null };
  const record = migrateRecord(stored);
  const parsed = record ? parseSavedState(record.state) : null;
  if (record && parsed?.ok) return { record, state: parsed.state };
  const why = parsed && !parsed.ok ? parsed.error : 'the saved record is not in a format this version reads';
  useSaveStatusStore.getState().setStorageError(`Saved measurements for these studies were not restored. ${why} The record is kept aside, not overwritten.`);
  await keepInvalidRecord(key, stored);
  return { record: null, state: null };
}

const sameContent = (a: SpineLensState, b: SpineLensState, ann: object, bnn: object): boolean =>
  serialiseState(a) === serialiseState(b) && Object.keys(ann).sort().join() === Object.keys(bnn).sort().join();

/** Puts another tab's saved work into this tab (union by id), saying so; a no-op when nothing is new. */
function adopt(key: string, saved: SpineLensState, savedAnnotations: Record<string, AnnotationJson>): boolean {
  const current = useMeasurementStore.getState();
  if (current.state.studiesKey !== key) return false;
  const merged = mergeStates(key, saved, current.state);
  const annotations = { ...savedAnnotations, ...current.annotations };
  if (sameContent(merged, current.state, annotations, current.annotations)) return false;
  current.replaceAll(merged, annotations);
  restoreDrawings(merged.measurements, annotations);
  const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  useSyncNotice.getState().setNotice(`Another tab's changes merged in (${time})`);
  return true;
}

async function mergeFromOtherTab(key: string): Promise<void> {
  try {
    const stored: unknown = await (await database()).get(STORE, key);
    const { record, state } = await readRecord(key, stored);
    if (!record || !state) return;
    seenRevision.set(key, Math.max(seenRevision.get(key) ?? 0, record.revision));
    adopt(key, state, record.annotations);
  } catch (e) {
    useSaveStatusStore.getState().setStorageError(`Changes saved by another tab could not be read: ${describe(e)}`);
  }
}

async function save(channel: BroadcastChannel | null): Promise<void> {
  const { state, annotations } = useMeasurementStore.getState();
  const { setStorageError, setSavePending } = useSaveStatusStore.getState();
  const key = state.studiesKey;
  const unreadable = unreadableKeys.get(key);
  if (unreadable !== undefined) {
    setStorageError(`Measurements are not saved in this browser: ${unreadable}. Work saved earlier for these studies could not be read, so it is not overwritten; reload to try again.`);
    return;
  }
  try {
    const db = await database();
    // Strict: committed to disk before the write counts as done, so a killed browser keeps it.
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    const stored = migrateRecord(await tx.store.get(key));
    let toSave = state;
    let toSaveAnnotations: Record<string, AnnotationJson> = { ...annotations };
    let otherTab: { state: SpineLensState; annotations: Record<string, AnnotationJson> } | null = null;
    if (stored && stored.writer !== TAB_ID && stored.revision > (seenRevision.get(key) ?? 0)) {
      // Another tab saved since this one last read: its work goes in, never under.
      const parsed = parseSavedState(stored.state);
      if (parsed.ok) {
        toSave = mergeStates(key, parsed.state, state);
        toSaveAnnotations = { ...stored.annotations, ...annotations };
        otherTab = { state: parsed.state, annotations: stored.annotations };
      }
    }
    const record: SavedRecord = {
      recordVersion: RECORD_VERSION,
      state: serialiseState(toSave),
      annotations: toSaveAnnotations,
      savedAt: new Date().toISOString(),
      revision: (stored?.revision ?? 0) + 1,
      writer: TAB_ID,
    };
    const written = tx.store.put(record, key);
    // Commit now instead of when the put's success comes back to this page: one round trip less between an edit
    // and the disk, which is what a tab killed right after an edit has time for.
    tx.commit();
    await written;
    await tx.done;
    seenRevision.set(key, record.revision);
    channel?.postMessage({ key, revision: record.revision, writer: TAB_ID } satisfies SaveMessage);
    if (otherTab) adopt(key, otherTab.state, otherTab.annotations);
    if (useMeasurementStore.getState().state === state) setSavePending(false);
    if (useSaveStatusStore.getState().storageError !== null) setStorageError(null);
  } catch (e) {
    setStorageError(`Measurements could not be saved in this browser: ${describe(e)}`);
  }
}

/** Loads what was saved for these studies and merges in anything drawn meanwhile. */
async function loadFor(key: string): Promise<void> {
  let stored: unknown;
  try {
    stored = await (await database()).get(STORE, key);
    unreadableKeys.delete(key);
  } catch (e) {
    unreadableKeys.set(key, describe(e));
    useSaveStatusStore.getState().setStorageError(`Saved measurements could not be read from this browser: ${describe(e)}`);
  }
  const { record, state: saved } = await readRecord(key, stored);
  if (record) seenRevision.set(key, record.revision);
  const current = useMeasurementStore.getState();
  const merged = mergeStates(key, saved, current.state);
  const annotations = { ...(saved ? (record?.annotations ?? {}) : {}), ...current.annotations };
  current.replaceAll(merged, annotations);
  restoreDrawings(merged.measurements, annotations);
}

/** A record we cannot read is set aside rather than overwritten by the next save. */
async function keepInvalidRecord(key: string, record: unknown): Promise<void> {
  try {
    await (await database()).put(STORE, record, `${key}#unreadable-${new Date().toISOString()}`);
  } catch {
    // The read error is already shown; nothing more to tell.
  }
}
