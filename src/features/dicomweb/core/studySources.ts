import { retrieveInstance, type DicomWebServer, type InstanceRef } from './client';

/** A file to import, fetched on read (the same shape as src/sources SourceFile). */
export interface RemoteFile {
  readonly name: string;
  read(): Promise<ArrayBuffer>;
}

/**
 * Orders each series from its middle slice outwards (by Instance Number), so the slice a series opens
 * on arrives first; series stay in the server's order.
 */
export function middleFirst(refs: readonly InstanceRef[]): InstanceRef[] {
  const bySeries = new Map<string, InstanceRef[]>();
  for (const ref of refs) bySeries.set(ref.seriesInstanceUid, [...(bySeries.get(ref.seriesInstanceUid) ?? []), ref]);
  return [...bySeries.values()].flatMap((series) => {
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
  });
}

/** Files to hand to the import pipeline: each is retrieved (WADO-RS) when read. */
export function remoteFiles(server: DicomWebServer, refs: readonly InstanceRef[]): RemoteFile[] {
  return middleFirst(refs).map((ref) => ({
    name: `${server.name}/${ref.modality || 'image'}/${ref.sopInstanceUid}`,
    read: () => retrieveInstance(server, ref),
  }));
}
