import { retrieveInstance, type DicomWebServer, type InstanceRef } from './client';
import { retrievalWindow } from './retrievalWindow';

/** A file to import, fetched on read (the same shape as src/sources SourceFile). */
export interface RemoteFile {
  readonly name: string;
  read(): Promise<ArrayBuffer>;
}

/** One series from its middle slice outwards (by Instance Number): the slice it opens on comes first. */
function middleOutwards(series: readonly InstanceRef[]): InstanceRef[] {
  const sorted = [...series].sort((a, b) => (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0));
  const middle = Math.floor((sorted.length - 1) / 2);
  const out: InstanceRef[] = [];
  for (let offset = 0; out.length < sorted.length; offset++) {
    const after = sorted[middle + offset];
    if (after) out.push(after);
    const before = offset > 0 ? sorted[middle - offset] : undefined;
    if (before) out.push(before);
  }
  return out;
}

/**
 * The order to retrieve a study in: the largest series first (the volume a reader waits for), from its middle slice
 * outwards, so the first image to arrive is the middle of the largest series; then the other series, larger first
 * (ties in the server's order), each from its middle outwards.
 */
export function retrievalOrder(refs: readonly InstanceRef[]): InstanceRef[] {
  const bySeries = new Map<string, InstanceRef[]>();
  for (const ref of refs) bySeries.set(ref.seriesInstanceUid, [...(bySeries.get(ref.seriesInstanceUid) ?? []), ref]);
  // Array.prototype.sort is stable: equal sizes keep the server's order.
  return [...bySeries.values()].sort((a, b) => b.length - a.length).flatMap(middleOutwards);
}

/**
 * Files to hand to the import pipeline in retrieval order (import with inGivenOrder), each retrieved (WADO-RS). With
 * `ahead`, retrieval starts at once and runs ahead of the reads (a few at a time, see retrievalWindow); without it,
 * each file is retrieved when read.
 */
export function remoteFiles(server: DicomWebServer, refs: readonly InstanceRef[], options: { ahead?: boolean } = {}): RemoteFile[] {
  const ordered = retrievalOrder(refs);
  const window = options.ahead ? retrievalWindow(ordered.length, (i) => retrieveInstance(server, ordered[i]!)) : null;
  return ordered.map((ref, i) => ({
    name: `${server.name}/${ref.modality || 'image'}/${ref.sopInstanceUid}`,
    read: () => (window ? window.take(i) : retrieveInstance(server, ref)),
  }));
}
