import { retrieveInstance, type DicomWebServer, type InstanceRef } from './core/client';

/** A reading object (SR, SEG) found in a study opened from the PACS. */
export interface ReadingObject {
  name: string;
  bytes: ArrayBuffer;
}

type Listener = (objects: ReadingObject[]) => Promise<unknown>;
const listeners = new Set<Listener>();

/** Called with the SR and SEG objects of each study opened from a PACS, after its images are in. */
export function onReadingObjectsOpened(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const READING_MODALITIES = new Set(['SR', 'SEG']);

/** An SR or SEG: retrieved once, by deliverReadingObjects, not by the image import (which would only skip it). */
export const isReadingObject = (ref: InstanceRef): boolean => READING_MODALITIES.has(ref.modality);

/** Retrieves the study's reading objects (skipped by the image import) and hands them to the listeners. */
export async function deliverReadingObjects(server: DicomWebServer, refs: readonly InstanceRef[]): Promise<void> {
  const wanted = refs.filter(isReadingObject);
  if (wanted.length === 0 || listeners.size === 0) return;
  const objects = await Promise.all(wanted.map(async (ref) => ({ name: `${ref.modality} ${ref.sopInstanceUid}.dcm`, bytes: await retrieveInstance(server, ref) })));
  for (const listener of listeners) await listener(objects);
}
