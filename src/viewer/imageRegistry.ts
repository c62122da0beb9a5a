import { metaData } from '@cornerstonejs/core';
import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import type { InstanceMeta, SeriesNode } from '../dicom/types';
import { checkCompressedFrames } from './compressedFrameCheck';
import { forgetDecodeFailures } from './decodeFailures';

/** SOP Instance UID → Cornerstone base image id ("dicomfile:N"). */
const baseImageIds = new Map<string, string>();
/** Base image id → our parse of that file, reused for metadata the loader's provider misses. */
const instancesByImageId = new Map<string, InstanceMeta>();

/**
 * Hands a parsed file to Cornerstone: the bytes go to the loader's file manager and dataset
 * cache, so metadata is there before any volume is built.
 */
export async function registerInstance(instance: InstanceMeta, bytes: ArrayBuffer, file?: Blob): Promise<void> {
  const limitation = decoderLimitation(instance);
  if (limitation) throw new Error(limitation);
  const { wadouri } = dicomImageLoader;
  // The loader reads this Blob only if it lets go of the parsed bytes: the File itself costs no copy of 150 MB.
  const imageId = wadouri.fileManager.add(file ?? new Blob([bytes]));
  // Claimed before the await, so a second import of the same image meanwhile sees it as loaded.
  baseImageIds.set(instance.sopInstanceUid, imageId);
  instancesByImageId.set(imageId, instance);
  try {
    await wadouri.dataSetCacheManager.load(wadouri.parseImageId(imageId).url, () => Promise.resolve(bytes), imageId);
    checkCompressedFrames(imageId, instance, wadouri.dataSetCacheManager.get(wadouri.parseImageId(imageId).url));
  } catch (error) {
    baseImageIds.delete(instance.sopInstanceUid);
    instancesByImageId.delete(imageId);
    throw error;
  }
}

const JPEG_EXTENDED_12BIT = '1.2.840.10008.1.2.4.51';

/**
 * Files the loader decodes to wrong numbers rather than failing: refusing them beats showing a
 * wrong HU. Cornerstone 5.14 decodes 12-bit JPEG Extended without applying the rescale.
 */
export function decoderLimitation(instance: InstanceMeta): string | null {
  const rescaled = instance.rescaleSlope !== 1 || instance.rescaleIntercept !== 0 || instance.frames.some((f) => (f.rescaleIntercept ?? 0) !== 0 || (f.rescaleSlope ?? 1) !== 1);
  if (instance.transferSyntaxUid === JPEG_EXTENDED_12BIT && instance.bitsStored > 8 && rescaled) {
    return 'Not shown: JPEG Extended (12-bit) with a rescale is decoded without its rescale by this version of the image loader, which would give wrong values (HU)';
  }
  return null;
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

export function isRegistered(sopInstanceUid: string): boolean {
  return baseImageIds.has(sopInstanceUid);
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

/**
 * A frame whose Pixel Spacing we could not read (malformed: "0.7\\", "abc\\def", one value) is shown uncalibrated:
 * unit spacing marked as a default, so Cornerstone draws it (a NaN spacing drew it all black) and measures in px.
 */
function uncalibratedPlaneProvider(type: string, imageId: string): unknown {
  if (type !== 'imagePlaneModule') return undefined;
  const found = instanceForImageId(imageId);
  if (!found || found.instance.frames[found.frameIndex]?.pixelSpacing) return undefined;
  const stock = dicomImageLoader.wadouri.metaData.metaDataProvider(type, imageId) as Record<string, unknown> | undefined;
  if (!stock) return undefined;
  return { ...stock, pixelSpacing: [1, 1], rowPixelSpacing: 1, columnPixelSpacing: 1, usingDefaultValues: true };
}

metaData.addProvider(uncalibratedPlaneProvider, 20_000);

/** Our parse of the file behind an image id, and which of its frames the id names. */
export function instanceForImageId(imageId: string): { instance: InstanceMeta; frameIndex: number } | undefined {
  const [base, query] = imageId.split('?');
  const instance = instancesByImageId.get(base ?? '');
  if (!instance) return undefined;
  return { instance, frameIndex: Number(/frame=(\d+)/.exec(query ?? '')?.[1] ?? '1') - 1 };
}

/** The current image id of a frame: image ids change between sessions, SOP Instance UIDs do not. */
export function imageIdForSop(sopInstanceUid: string, frameIndex: number): string | undefined {
  const base = baseImageIds.get(sopInstanceUid);
  const instance = base === undefined ? undefined : instancesByImageId.get(base);
  if (!base || !instance) return undefined;
  return imageIdFor(instance, frameIndex);
}

const datasetUrl = (baseImageId: string): string => dicomImageLoader.wadouri.parseImageId(baseImageId).url;

/**
 * Drops a file's parsed bytes whatever its use count: the loader counts one use per image load and one release per
 * image leaving the cache, but loading an image already cached (a thumbnail, a stack showing it again) counts a use
 * that nothing releases, so a single unload left those files' bytes in memory for the life of the page.
 * Only for files none of whose images is cached any more.
 */
function unloadDataset(url: string): void {
  const { dataSetCacheManager } = dicomImageLoader.wadouri;
  while (dataSetCacheManager.isLoaded(url)) dataSetCacheManager.unload(url);
}

/**
 * Lets go of the files of closed images: the loader's file manager entry and parsed dataset, and our maps.
 * Importing the same files again registers them afresh.
 */
export function forgetInstances(instances: Iterable<InstanceMeta>): void {
  const { wadouri } = dicomImageLoader;
  for (const instance of instances) {
    const base = baseImageIds.get(instance.sopInstanceUid);
    if (!base) continue;
    baseImageIds.delete(instance.sopInstanceUid);
    instancesByImageId.delete(base);
    forgetDecodeFailures(base);
    unloadDataset(datasetUrl(base));
    wadouri.fileManager.remove(Number(base.slice('dicomfile:'.length)));
  }
}

/**
 * Lets go of the parsed bytes of files no viewport shows; the file manager keeps the file itself, so
 * `reloadFileBytes` can read it again. Called once their images have left Cornerstone's cache (each
 * cached image holds one reference to its file's bytes, let go when the image leaves).
 */
export function unloadFileBytes(instances: Iterable<InstanceMeta>): void {
  for (const instance of instances) {
    const base = baseImageIds.get(instance.sopInstanceUid);
    if (base) unloadDataset(datasetUrl(base));
  }
}

/** Reads again the files whose bytes `unloadFileBytes` let go, before a series is built from them. */
export async function reloadFileBytes(instances: Iterable<InstanceMeta>): Promise<void> {
  const { dataSetCacheManager, loadFileRequest } = dicomImageLoader.wadouri;
  const loads: Promise<unknown>[] = [];
  for (const instance of new Set(instances)) {
    const base = baseImageIds.get(instance.sopInstanceUid);
    if (base && !dataSetCacheManager.isLoaded(datasetUrl(base))) loads.push(dataSetCacheManager.load(datasetUrl(base), loadFileRequest, base));
  }
  await Promise.all(loads);
}

/** Bytes of a registered file held parsed in memory (0 when let go); null when the file is not registered. */
export function fileBytesHeld(sopInstanceUid: string): number | null {
  const base = baseImageIds.get(sopInstanceUid);
  if (!base) return null;
  return dicomImageLoader.wadouri.dataSetCacheManager.get(datasetUrl(base))?.byteArray.length ?? 0;
}
