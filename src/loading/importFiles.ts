import { parseInstance } from '../dicom';
import { errorText } from '../dicom/reasons';
import { NO_SOP_UID_PREFIX } from '../dicom/seriesNode';
import type { InstanceMeta } from '../dicom/types';
import type { SourceFile } from '../sources/sourceFile';
import { contentHash } from './contentHash';
import { withPart10Header } from './part10Header';

export interface ImportNote {
  fileName: string;
  /** Plain language, beginning with a phrase of REASON_CATALOGUE. */
  reason: string;
  /** A library's own message, shown small under the reason; never the reason itself. */
  details?: string;
  /** problem: the file could not be used; skipped: a valid non-image object (DICOMDIR, SR...); warning: loaded, but look */
  severity: 'problem' | 'skipped' | 'warning';
}

export interface ImportResult {
  instances: InstanceMeta[];
  notes: ImportNote[];
}

/**
 * Receives each parsed image instance with its bytes, e.g. to hand it to the image loader; `file` is the
 * source's own Blob holding those same bytes when it has one (a local File), so no copy need be made.
 */
export type RegisterInstance = (instance: InstanceMeta, bytes: ArrayBuffer, file?: Blob) => Promise<void>;

export interface ImportOptions {
  register: RegisterInstance;
  onProgress?: (done: number, total: number) => void;
  /** Whether an image is already loaded (asked at the time, so two imports at once do not load it twice). */
  isKnown?: (sopInstanceUid: string) => boolean;
  /** Called once, with the first image registered (the middle file is read first), so it can be shown at once. */
  onFirstImage?: (instance: InstanceMeta) => void;
  /** The source has ordered its files itself, the one to show first at the head (a PACS study: the middle of its largest series). */
  inGivenOrder?: boolean;
}

interface Loaded {
  fileName: string;
  bytes: Uint8Array;
  /** Computed only when another file claims the same UID: hashing every file would cost a pass over all bytes. */
  hash?: string;
}

function hashOf(loaded: Loaded): string {
  loaded.hash ??= contentHash(loaded.bytes);
  return loaded.hash;
}

/** Bytes the image loader can read: a Part-10 header is added when the file had none. */
function loaderBytes(instance: InstanceMeta, dataSetBytes: Uint8Array, fileBytes: ArrayBuffer): ArrayBuffer {
  const headerless = (instance.parseNotes ?? []).some((n) => /^(no preamble or file meta|file meta has no Transfer Syntax UID)/.test(n));
  if (!headerless) return fileBytes;
  const wrapped = withPart10Header(dataSetBytes, instance);
  return wrapped.buffer.slice(wrapped.byteOffset, wrapped.byteOffset + wrapped.byteLength) as ArrayBuffer;
}

/**
 * Reads and parses each file once. A file that fails never stops the others: it becomes a note
 * naming the file and the reason. Two files with one SOP Instance UID are one image only when
 * their bytes match; otherwise both are loaded and reported, so a damaged copy never hides the good one.
 */
export async function importFiles(files: readonly SourceFile[], options: ImportOptions): Promise<ImportResult> {
  const instances: InstanceMeta[] = [];
  const notes: ImportNote[] = [];
  const loaded = new Map<string, Loaded>();
  const isKnown = options.isKnown ?? (() => false);
  let done = 0;
  const concurrency = 8;
  let next = 0;

  async function importOne(file: SourceFile): Promise<void> {
    let bytes: ArrayBuffer;
    try {
      bytes = await file.read();
    } catch (error) {
      notes.push({ fileName: file.name, reason: 'could not be read: the browser could not open this file (moved, deleted or not allowed?)', details: errorText(error), severity: 'problem' });
      return;
    }
    const fileBytes = new Uint8Array(bytes);
    const parsed = parseInstance(file.name, fileBytes);
    if (parsed.kind !== 'image') {
      const note: ImportNote = { fileName: parsed.fileName, reason: parsed.reason, severity: parsed.kind };
      if (parsed.kind === 'problem' && parsed.details) note.details = parsed.details;
      notes.push(note);
      return;
    }
    const instance = parsed.instance;
    const self: Loaded = { fileName: file.name, bytes: fileBytes };
    if (instance.sopInstanceUid === '') {
      // Keyed by content, so the same file gives the same key in every session.
      instance.sopInstanceUid = `${NO_SOP_UID_PREFIX}${hashOf(self)}-${fileBytes.length}`;
      notes.push({ fileName: file.name, reason: 'Duplicate check not possible: this image has no SOP Instance UID (0008,0018); loaded, told apart by its content', severity: 'warning' });
    }
    const uid = instance.sopInstanceUid;
    const earlier = loaded.get(uid);
    if (earlier && hashOf(earlier) !== hashOf(self) && !loaded.has(`${uid}#${hashOf(self)}`)) {
      instance.sopInstanceUid = `${uid}#${hashOf(self)}`;
      notes.push({
        fileName: file.name,
        reason: `Duplicate SOP Instance UID with different content: ${earlier.fileName} has the same UID but other bytes; both are loaded, check which is right`,
        severity: 'warning',
      });
    } else if (earlier || isKnown(uid)) {
      notes.push({ fileName: file.name, reason: 'Duplicate: this image (same SOP Instance UID) is already loaded', severity: 'skipped' });
      return;
    }
    loaded.set(instance.sopInstanceUid, self);
    try {
      const forLoader = loaderBytes(instance, parsed.dataSet.byteArray, bytes);
      await options.register(instance, forLoader, forLoader === bytes ? file.blob : undefined);
    } catch (error) {
      loaded.delete(instance.sopInstanceUid);
      const text = errorText(error);
      const plain = /^Not shown:/.test(text);
      notes.push({
        fileName: file.name,
        reason: plain ? text : 'could not be read: the image loader refused this file',
        ...(plain ? {} : { details: text }),
        severity: 'problem',
      });
      return;
    }
    instances.push(instance);
    if (instances.length === 1) options.onFirstImage?.(instance);
  }

  // The middle file first: in a series chosen in name order it is the middle slice, the one shown first.
  const middle = options.inGivenOrder ? 0 : files.length >> 1;
  const order = [middle, ...Array.from(files.keys()).filter((i) => i !== middle)];
  async function step(): Promise<void> {
    const file = files[order[next++]!]!;
    await importOne(file);
    // Each file in its own task: several parsed in one would block the page (no answer to a click for 200+ ms).
    await new Promise((resolve) => setTimeout(resolve, 0));
    done += 1;
    options.onProgress?.(done, files.length);
  }
  async function worker(): Promise<void> {
    while (next < order.length) await step();
  }

  if (order.length > 0) await step();
  // The first file alone, so it is parsed and shown before the others compete for the main thread.
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  notes.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return { instances, notes };
}
