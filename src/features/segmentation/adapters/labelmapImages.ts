import { cache, imageLoader } from '@cornerstonejs/core';
import { Enums as ToolEnums, segmentation } from '@cornerstonejs/tools';

/**
 * A Cornerstone labelmap segmentation as one Uint8 image per slice of the series' volume (derived from the
 * volume's image ids, so slice k of the labelmap is slice k of the volume). Brush and eraser write into
 * these images; our own code reads and writes them through a full-volume Uint8Array.
 */
export function createLabelmapSegmentation(segmentationId: string, volumeImageIds: readonly string[], label: string): string[] {
  const images = imageLoader.createAndCacheDerivedLabelmapImages([...volumeImageIds]);
  const imageIds = images.map((image) => image.imageId);
  segmentation.addSegmentations([
    {
      segmentationId,
      representation: { type: ToolEnums.SegmentationRepresentations.Labelmap, data: { imageIds } },
      config: { label, segments: { 1: { segmentIndex: 1, label: 'Lesion', locked: false, active: true, cachedStats: {} } } },
    },
  ]);
  return imageIds;
}

function slicePixels(imageId: string): Uint8Array {
  const image = cache.getImage(imageId);
  if (!image) throw new Error(`Labelmap slice ${imageId} is no longer in the cache`);
  return (image.voxelManager?.getScalarData() ?? image.getPixelData()) as Uint8Array;
}

/** Copies the slices into `out` (slice k at offset k·sliceSize). */
export function readLabelmap(imageIds: readonly string[], out: Uint8Array): void {
  const size = out.length / imageIds.length;
  imageIds.forEach((id, k) => out.set(slicePixels(id).subarray(0, size), k * size));
}

/** Writes `data` into the slices and tells Cornerstone to redraw them. */
export function writeLabelmap(segmentationId: string, imageIds: readonly string[], data: Uint8Array): void {
  const size = data.length / imageIds.length;
  imageIds.forEach((id, k) => slicePixels(id).set(data.subarray(k * size, (k + 1) * size)));
  segmentation.triggerSegmentationEvents.triggerSegmentationDataModified(segmentationId);
}

export function removeLabelmapSegmentation(segmentationId: string): void {
  segmentation.removeSegmentation(segmentationId);
}
