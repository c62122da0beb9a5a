import { keyValueDatabase } from './keyValueDatabase';
import { mergeStates, parseSavedState, serialiseState, studiesKey, type SpineLensState } from '../lesions';
import { useViewerStore } from '../state/viewerStore';
import { useMeasurementStore } from '../state/measurementStore';
import type { PatientNode } from '../dicom/types';
import type { AnnotationJson } from '../viewer/annotationConversion';
import { restoreAnnotations } from '../viewer/annotationSync';

const DB_NAME = 'spinelens';
const STORE = 'studyStates';
export const AUTOSAVE_DELAY_MS = 300;

/** One record per set of studies, keyed by studiesKey. */
interface SavedRecord {
  /** serialiseState output: validated with parseSavedState when read back. */
  state: string;
  /** Cornerstone drawings by measurement id, to redraw them exactly. */
  annotations: Record<string, AnnotationJson>;
  savedAt: string;
}

const database = keyValueDatabase(DB_NAME, STORE);

const describe = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));

const keyOfPatients = (patients: readonly PatientNode[]): string =>
  studiesKey(patients.flatMap((p) => p.studies.flatMap((s) => s.series.flatMap((se) => se.frames.slice(0, 1).map((f) => f.instance.studyInstanceUid)))));

/**
 * Saves the measurement state to IndexedDB shortly after every change and brings it back when the
 * same studies are loaded again. Failures are put in the store's storageError, never swallowed.
 */
export function startAutosave(delayMs = AUTOSAVE_DELAY_MS): () => void {
  let loadedKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scheduleSave = () => {
    const { state } = useMeasurementStore.getState();
    if (!state.studiesKey) return;
    useMeasurementStore.getState().setSavePending(true);
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delayMs);
  };

  const onPatients = (patients: readonly PatientNode[]) => {
    const key = keyOfPatients(patients);
    if (!key || key === loadedKey) return;
    loadedKey = key;
    void loadFor(key);
  };

  const unsubscribeViewer = useViewerStore.subscribe((s, prev) => {
    if (s.patients !== prev.patients) onPatients(s.patients);
  });
  const unsubscribeMeasurements = useMeasurementStore.subscribe((s, prev) => {
    if (s.state !== prev.state || s.annotations !== prev.annotations) scheduleSave();
  });
  onPatients(useViewerStore.getState().patients);

  return () => {
    unsubscribeViewer();
    unsubscribeMeasurements();
    clearTimeout(timer);
  };
}

/** Studies whose saved record could not be read, with why: saving over it could lose that work. */
const unreadableKeys = new Map<string, string>();

async function save(): Promise<void> {
  const { state, annotations, setStorageError, setSavePending } = useMeasurementStore.getState();
  const unreadable = unreadableKeys.get(state.studiesKey);
  if (unreadable !== undefined) {
    setStorageError(`Measurements are not saved in this browser: ${unreadable}. Work saved earlier for these studies could not be read, so it is not overwritten; reload to try again.`);
    return;
  }
  try {
    const record: SavedRecord = { state: serialiseState(state), annotations: { ...annotations }, savedAt: new Date().toISOString() };
    await (await database()).put(STORE, record, state.studiesKey);
    if (useMeasurementStore.getState().state === state) setSavePending(false);
    if (useMeasurementStore.getState().storageError !== null) setStorageError(null);
  } catch (e) {
    setStorageError(`Measurements could not be saved in this browser: ${describe(e)}`);
  }
}

/** Loads what was saved for these studies and merges in anything drawn meanwhile. */
async function loadFor(key: string): Promise<void> {
  const store = useMeasurementStore.getState();
  let record: SavedRecord | undefined;
  try {
    record = (await (await database()).get(STORE, key)) as SavedRecord | undefined;
    unreadableKeys.delete(key);
  } catch (e) {
    unreadableKeys.set(key, describe(e));
    store.setStorageError(`Saved measurements could not be read from this browser: ${describe(e)}`);
  }
  let saved: SpineLensState | null = null;
  if (record) {
    const parsed = parseSavedState(record.state);
    if (parsed.ok) saved = parsed.state;
    else {
      store.setStorageError(`Saved measurements for these studies were not restored. ${parsed.error}`);
      await keepInvalidRecord(key, record);
    }
  }
  const current = useMeasurementStore.getState();
  const merged = mergeStates(key, saved, current.state);
  const annotations = { ...(saved ? (record?.annotations ?? {}) : {}), ...current.annotations };
  current.replaceAll(merged, annotations);
  restoreAnnotations(merged.measurements, annotations);
}


/** A record we cannot read is set aside rather than overwritten by the next save. */
async function keepInvalidRecord(key: string, record: SavedRecord): Promise<void> {
  try {
    await (await database()).put(STORE, record, `${key}#unreadable-${new Date().toISOString()}`);
  } catch {
    // The read error is already shown; nothing more to tell.
  }
}
