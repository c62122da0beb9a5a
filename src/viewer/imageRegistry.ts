import { utilities as metadataUtilities } from '@cornerstonejs/metadata';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import type { InstanceMeta, SeriesNode } from '../dicom/types';

/** SOP Instance UID → Cornerstone base image id ("dicomfile:N"). */
const baseImageIds = new Map<string, string>();

/**
 * Hands a parsed file to Cornerstone: the bytes go to the loader's file manager and to the
 * metadata registry, so volumes can be built before any pixel is decoded.
 */
export async function registerInstance(instance: InstanceMeta, bytes: ArrayBuffer): Promise<void> {
  const imageId = dicomImageLoader.wadouri.fileManager.add(new Blob([bytes]));
  await metadataUtilities.addDicomPart10Instance(imageId, bytes);
  baseImageIds.set(instance.sopInstanceUid, imageId);
}

export function imageIdFor(instance: InstanceMeta, frameIndex: number): string {
  const base = baseImageIds.get(instance.sopInstanceUid);
  if (!base) throw new Error(`Image ${instance.fileName} was not registered with the loader`);
  return instance.numberOfFrames > 1 ? `${base}?frame=${frameIndex + 1}` : base;
}

/** Image ids in the series' sorted frame order. */
export function imageIdsForSeries(series: SeriesNode): string[] {
  return series.frames.map((frame) => imageIdFor(frame.instance, frame.frameIndex));
}

export function knownSopInstanceUids(): ReadonlySet<string> {
  return new Set(baseImageIds.keys());
}
