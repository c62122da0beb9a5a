/**
 * Images whose pixels could not be decoded, or decoded to the wrong size: never drawn as if they were fine.
 * Keyed by Cornerstone image id; the viewport overlay and the Problems panel read from here.
 */
export interface DecodeFailure {
  imageId: string;
  fileName: string;
  frameIndex: number;
  numberOfFrames: number;
  /** Plain language, completing "Could not decode the pixels: …". */
  reason: string;
  /** The decoder's own message, if any. */
  details?: string;
}

const failures = new Map<string, DecodeFailure>();
const listeners = new Set<(failure: DecodeFailure) => void>();

export function recordDecodeFailure(failure: DecodeFailure): void {
  if (failures.has(failure.imageId)) return;
  failures.set(failure.imageId, failure);
  for (const listener of listeners) listener(failure);
}

export const anyDecodeFailures = (): boolean => failures.size > 0;

export function decodeFailureOf(imageId: string | undefined): DecodeFailure | undefined {
  return imageId === undefined ? undefined : failures.get(imageId);
}

/** The failures among these image ids, in their order. */
export function decodeFailuresAmong(imageIds: readonly string[]): DecodeFailure[] {
  if (failures.size === 0) return [];
  return imageIds.flatMap((id) => failures.get(id) ?? []);
}

/** Calls back for every failure from now on; returns the unsubscribe. */
export function onDecodeFailure(listener: (failure: DecodeFailure) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets the failures of images whose files were let go (the same ids may name other files later). */
export function forgetDecodeFailures(baseImageId: string): void {
  for (const id of failures.keys()) if (id === baseImageId || id.startsWith(`${baseImageId}?`)) failures.delete(id);
}

/** "IM0005.dcm" or "IM0005.dcm, frame 3 of 10". */
export function failedImageName(failure: DecodeFailure): string {
  return failure.numberOfFrames > 1 ? `${failure.fileName}, frame ${failure.frameIndex + 1} of ${failure.numberOfFrames}` : failure.fileName;
}
