import { parseSavedState, serialiseState, studiesKey, type SpineLensState } from '../lesions';
import { useViewerStore } from '../state/viewerStore';
import { useMeasurementStore } from '../state/measurementStore';
import { useSaveStatusStore } from '../state/saveStatusStore';
import type { PatientNode } from '../dicom/types';
import type { AnnotationJson } from '../measure/annotationConversion';
import { migrateRecord, RECORD_VERSION, type SavedRecord } from './savedRecord';
import { useSyncNotice } from './syncNotice';
import { caseWithItems, describeItem, itemsOf, sameItem, type CaseItems } from './caseItems';
import { mergeSides, stampChanges, type CaseSide, type Conflict, type ItemVersions } from './itemVersions';
import { foldRecords, keepAside, openCaseDatabase, putRecord, readRecords, tabRecordKey, type StoredRecord } from './caseRecordDatabase';
import { announceTab, openTabs } from './tabPresence';

const CHANNEL = 'spinelens-autosave';

/** Keeps Cornerstone's drawings in step with the case (the measurements feature owns the Cornerstone side). */
export interface DrawingSync {
  /** Draws the measurements not drawn yet. */
  redraw(measurements: SpineLensState['measurements'], annotations: Record<string, AnnotationJson>): void;
  /** Takes drawings away (their measurement was deleted or changed in another tab), leaving the case alone. */
  drop(ids: readonly string[]): void;
}

const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

interface SaveMessage {
  key: string;
  writer: string;
  record: SavedRecord;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));

const keyOfPatients = (patients: readonly PatientNode[]): string =>
  studiesKey(patients.flatMap((p) => p.studies.flatMap((s) => s.series.flatMap((se) => se.frames.slice(0, 1).map((f) => f.instance.studyInstanceUid)))));

const time = () => new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

let drawingSync: DrawingSync = { redraw: () => {}, drop: () => {} };
/** The case items as last saved (or merged in) and their versions: what the next save compares with. */
let savedItems: CaseItems = new Map();
let versions: ItemVersions = {};
/** How another tab's save reaches the merge: at once, unless something else was set (to make two edits cross). */
let deliverSave: (merge: () => void) => void = (merge) => merge();

/**
 * Saves the case on every change: each change is stamped item by item and written at once, as one put of this tab's
 * own record (nothing read first, nothing of another tab overwritten), and flushed on pagehide/hidden. Loading folds
 * the records of every tab that wrote on these studies into one. Another tab's saves are merged in item by item:
 * deletions stay deleted, and an item changed in both tabs keeps the later change and says so.
 */
export function startAutosave(sync: DrawingSync): () => void {
  drawingSync = sync;
  announceTab(TAB_ID);
  void openCaseDatabase().catch(() => {}); // a failure is reported by the first load or save
  let loadedKey = '';
  let scheduled = false;
  let writes = 0;
  let saveError: string | null = null;

  const saveNow = () => {
    scheduled = false;
    const { state, annotations } = useMeasurementStore.getState();
    const key = state.studiesKey;
    if (!key || key !== loadedKey) return;
    const items = itemsOf(state, annotations);
    versions = stampChanges(savedItems, items, versions, TAB_ID, Date.now(), sameItem);
    savedItems = items;
    const record = recordOf(state, annotations);
    writes++;
    useSaveStatusStore.getState().setSavePending(true);
    putRecord(tabRecordKey(key, TAB_ID), record).then(
      () => {
        channel?.postMessage({ key, writer: TAB_ID, record } satisfies SaveMessage);
        // A save that works ends a save failure's message, not a load's (that record is still unread).
        if (saveError !== null && useSaveStatusStore.getState().storageError === saveError) useSaveStatusStore.getState().setStorageError(null);
        saveError = null;
      },
      (e: unknown) => {
        saveError = `Measurements could not be saved in this browser: ${describe(e)}`;
        useSaveStatusStore.getState().setStorageError(saveError);
      },
    ).finally(() => {
      if (--writes === 0) useSaveStatusStore.getState().setSavePending(false);
    });
  };
  /** Several store changes in one task (an edit and its level) make one save, started before the task ends. */
  const scheduleSave = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(saveNow);
  };

  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const onMessage = (message: SaveMessage) => {
    if (message.writer === TAB_ID || message.key !== loadedKey) return;
    mergeIn([{ key: tabRecordKey(message.key, message.writer), value: message.record }]);
  };
  if (channel) channel.onmessage = (event: MessageEvent<SaveMessage>) => deliverSave(() => onMessage(event.data));

  let wantedKey = '';
  const onPatients = (patients: readonly PatientNode[]) => {
    const key = keyOfPatients(patients);
    if (!key || key === wantedKey) return;
    wantedKey = key;
    // A load overtaken by a newer one (more studies arrived meanwhile) gives way to it.
    void loadFor(key, () => key === wantedKey).then((loaded) => {
      if (!loaded) return;
      loadedKey = key;
      scheduleSave();
    });
  };

  const flush = () => {
    if (scheduled) saveNow();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);

  const unsubscribeViewer = useViewerStore.subscribe((s, prev) => {
    if (s.patients !== prev.patients) onPatients(s.patients);
  });
  const unsubscribeCase = useMeasurementStore.subscribe((s, prev) => {
    if (s.state !== prev.state || s.annotations !== prev.annotations) scheduleSave();
  });
  onPatients(useViewerStore.getState().patients);

  return () => {
    unsubscribeViewer();
    unsubscribeCase();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    channel?.close();
  };
}

/** Sets how another tab's saves reach the merge (null: at once). */
export function setSaveDelivery(delivery: ((merge: () => void) => void) | null): void {
  deliverSave = delivery ?? ((merge) => merge());
}

function recordOf(state: SpineLensState, annotations: Readonly<Record<string, AnnotationJson>>): SavedRecord {
  return { recordVersion: RECORD_VERSION, state: serialiseState(state), annotations: { ...annotations }, savedAt: new Date().toISOString(), writer: TAB_ID, versions: { ...versions } };
}

interface ReadRecord {
  key: string;
  side: CaseSide;
  state: SpineLensState;
}

/** Keys of unreadable records that could not be copied aside: the fold leaves them where they are. */
const notKeptAside = new Set<string>();

/** Reads records; one that cannot be read is reported and, when `keepAside` (a stored one), copied aside, never dropped. */
async function readable(records: readonly StoredRecord[], copyAside: boolean): Promise<ReadRecord[]> {
  const out: ReadRecord[] = [];
  for (const { key, value } of records) {
    const record = migrateRecord(value);
    const parsed = record ? parseSavedState(record.state) : null;
    if (record && parsed?.ok) {
      out.push({ key, state: parsed.state, side: { items: itemsOf(parsed.state, record.annotations), versions: record.versions } });
      continue;
    }
    const why = parsed && !parsed.ok ? parsed.error : 'the saved record is not in a format this version reads';
    const where = copyAside ? 'The record is kept aside, not overwritten.' : 'Another tab saved them in a format this version does not read.';
    useSaveStatusStore.getState().setStorageError(`Saved measurements for these studies were not restored. ${why} ${where}`);
    if (!copyAside) continue;
    try {
      await keepAside(key, value);
    } catch {
      notKeptAside.add(key);
    }
  }
  return out;
}

/** Merges another tab's save into the case shown in this tab. */
function mergeIn(records: readonly StoredRecord[]): void {
  void readable(records, false).then((read) => mergeRead(read, 'tab'));
}

/** Merges records into the case shown in this tab, redrawing what changed and saying what another tab changed. */
function mergeRead(read: readonly ReadRecord[], from: 'tab' | 'load'): void {
  const current = useMeasurementStore.getState();
  let side: CaseSide = { items: savedItems, versions };
  const conflicts: Conflict[] = [];
  let changed = false;
  for (const r of read) {
    const result = mergeSides(side, r.side, TAB_ID);
    side = result.merged;
    changed ||= result.changed;
    conflicts.push(...result.conflicts);
  }
  versions = side.versions;
  if (from === 'tab' && conflicts.length > 0) useSyncNotice.getState().setNotice(noticeFor(conflicts), true);
  if (!changed) return;
  const before = savedItems;
  const { state, drawings } = caseWithItems(current.state, current.annotations, side.items);
  const stale = [...before.keys()]
    .filter((k) => k.startsWith('measurement:') && !sameItem(k, before.get(k), side.items.get(k)))
    .map((k) => k.slice('measurement:'.length));
  current.replaceAll(state, drawings);
  // What replaceAll derives (levels from labels) is not this tab's edit: the next save compares with it.
  const after = useMeasurementStore.getState();
  savedItems = itemsOf(after.state, after.annotations);
  drawingSync.drop(stale);
  drawingSync.redraw(after.state.measurements, { ...after.annotations });
  if (from === 'tab' && conflicts.length === 0) useSyncNotice.getState().setNotice(noticeFor(conflicts));
}

function noticeFor(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 0) return `Another tab's changes merged in (${time()})`;
  const c = conflicts[conflicts.length - 1]!;
  const what = describeItem(c.key, c.value);
  const more = new Set(conflicts.map((x) => x.key)).size > 1 ? ' (and others)' : '';
  return c.keptIncoming
    ? `${what}${more} was changed in two tabs at once: the other tab's later change is kept (${time()})`
    : `${what}${more} was changed in two tabs at once: this tab's later change is kept (${time()})`;
}

/** Loads everything saved for these studies (every tab's record), merges in what was drawn meanwhile, folds the records of closed tabs. */
async function loadFor(key: string, stillWanted: () => boolean): Promise<boolean> {
  stampLocalEdits();
  let stored: StoredRecord[] = [];
  try {
    stored = await readRecords(key);
  } catch (e) {
    useSaveStatusStore.getState().setStorageError(`Saved measurements could not be read from this browser: ${describe(e)}`);
  }
  const read = await readable(stored, true);
  if (!stillWanted()) return false;
  // Anything drawn before or during the load is this tab's work.
  stampLocalEdits();
  const { state, annotations } = useMeasurementStore.getState();
  useMeasurementStore.getState().replaceAll({ ...state, studiesKey: key }, annotations);
  savedItems = itemsOf(useMeasurementStore.getState().state, useMeasurementStore.getState().annotations);
  mergeRead(read, 'load');
  await foldClosedTabs(key, stored);
  return true;
}

function stampLocalEdits(): void {
  const { state, annotations } = useMeasurementStore.getState();
  const items = itemsOf(state, annotations);
  versions = stampChanges(savedItems, items, versions, TAB_ID, Date.now(), sameItem);
  savedItems = items;
}

/** The records of tabs no longer open go into the one record of these studies, in one transaction. */
async function foldClosedTabs(key: string, stored: readonly StoredRecord[]): Promise<void> {
  const open = await openTabs();
  if (!open || stored.length === 0 || stored.some((r) => notKeptAside.has(r.key))) return;
  const closed = stored.filter((r) => r.key !== key && !open.has(r.key.slice(r.key.indexOf('#tab:') + 5)));
  const { state, annotations } = useMeasurementStore.getState();
  try {
    await foldRecords(key, recordOf(state, annotations), closed);
  } catch {
    // The tab records stay where they are and are folded by the next load.
  }
}
