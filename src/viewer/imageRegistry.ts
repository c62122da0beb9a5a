import { metaData } from '@cornerstonejs/core';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import type { InstanceMeta, SeriesNode } from '../dicom/types';

/** SOP Instance UID → Cornerstone base image id ("dicomfile:N"). */
const baseImageIds = new Map<string, string>();
/** Base image id → our parse of that file, reused for metadata the loader's provider misses. */
const instancesByImageId = new Map<string, InstanceMeta>();

/**
 * Hands a parsed file to Cornerstone: the bytes go to the loader's file manager and dataset
 * cache, so metadata is there before any volume is built.
 */
export async function registerInstance(instance: InstanceMeta, bytes: ArrayBuffer): Promise<void> {
  const { wadouri } = dicomImageLoader;
  const imageId = wadouri.fileManager.add(new Blob([bytes]));
  await wadouri.dataSetCacheManager.load(wadouri.parseImageId(imageId).url, () => Promise.resolve(bytes), imageId);
  baseImageIds.set(instance.sopInstanceUid, imageId);
  instancesByImageId.set(imageId, instance);
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

/**
 * Enhanced multi-frame objects keep their rescale in functional groups, which the loader's
 * provider does not read: without this, enhanced CT would show stored values, not HU.
 */
function enhancedRescaleProvider(type: string, imageId: string): unknown {
  if (type !== 'modalityLutModule') return undefined;
  const [base, query] = imageId.split('?');
  const instance = instancesByImageId.get(base ?? '');
  if (!instance || instance.numberOfFrames <= 1) return undefined;
  const frameNumber = Number(/frame=(\d+)/.exec(query ?? '')?.[1] ?? '1');
  const frame = instance.frames[frameNumber - 1];
  if (frame?.rescaleSlope == null || frame.rescaleIntercept == null) return undefined;
  return { rescaleSlope: frame.rescaleSlope, rescaleIntercept: frame.rescaleIntercept, rescaleType: instance.rescaleType || undefined };
}

metaData.addProvider(enhancedRescaleProvider, 20_000);
