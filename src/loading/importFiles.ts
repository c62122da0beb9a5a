import { parseInstance } from '../dicom';
import type { InstanceMeta } from '../dicom/types';
import type { SourceFile } from '../sources/sourceFile';

export interface ImportNote {
  fileName: string;
  reason: string;
  /** problem: the file could not be used; skipped: a valid non-image object (DICOMDIR, SR...) */
  severity: 'problem' | 'skipped';
}

export interface ImportResult {
  instances: InstanceMeta[];
  notes: ImportNote[];
}

/** Receives each parsed image instance with its bytes, e.g. to hand it to the image loader. */
export type RegisterInstance = (instance: InstanceMeta, bytes: ArrayBuffer) => Promise<void>;

export interface ImportOptions {
  register: RegisterInstance;
  onProgress?: (done: number, total: number) => void;
  /** Whether an image is already loaded (asked at the time, so two imports at once do not load it twice). */
  isKnown?: (sopInstanceUid: string) => boolean;
}

/**
 * Reads and parses each file once. A file that fails never stops the others:
 * it becomes a note naming the file and the reason.
 */
export async function importFiles(files: readonly SourceFile[], options: ImportOptions): Promise<ImportResult> {
  const instances: InstanceMeta[] = [];
  const notes: ImportNote[] = [];
  const seen = new Set<string>();
  const isKnown = options.isKnown ?? (() => false);
  let done = 0;
  const concurrency = 8;
  let next = 0;

  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next++]!;
      try {
        const bytes = await file.read().catch((error: unknown) => {
          throw new Error(`Could not be read: ${errorText(error)}`);
        });
        const parsed = parseInstance(file.name, new Uint8Array(bytes));
        if (parsed.kind === 'image') {
          if (seen.has(parsed.instance.sopInstanceUid) || isKnown(parsed.instance.sopInstanceUid)) {
            notes.push({ fileName: file.name, reason: 'Duplicate: this image (same SOP Instance UID) is already loaded', severity: 'skipped' });
          } else {
            seen.add(parsed.instance.sopInstanceUid);
            await options.register(parsed.instance, bytes);
            instances.push(parsed.instance);
          }
        } else {
          notes.push({ fileName: parsed.fileName, reason: parsed.reason, severity: parsed.kind });
        }
      } catch (error) {
        notes.push({ fileName: file.name, reason: errorText(error), severity: 'problem' });
      }
      done += 1;
      options.onProgress?.(done, files.length);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  notes.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return { instances, notes };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
