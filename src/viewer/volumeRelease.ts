import { cache, Enums, eventTarget, triggerEvent } from '@cornerstonejs/core';

/**
 * Removes a volume from Cornerstone's cache so that nothing keeps it alive afterwards.
 *
 * A streaming volume adds, for every frame it loads, an IMAGE_CACHE_IMAGE_ADDED listener holding the volume
 * (BaseStreamingImageVolume.callLoadImage) and removes it only when that image is added to the cache. A frame
 * whose image was already cached (shown in a stack, or a labelmap slice made by us) never gets that event, so its
 * listener kept the whole volume, every slice's pixel data included, for the life of the page: about 3 MB for each
 * closed study. Announcing each of the volume's images, all in the cache at this point, lets those listeners go.
 */
export function removeVolume(volumeId: string): void {
  const volume = cache.getVolume(volumeId);
  for (const imageId of volume?.imageIds ?? []) {
    const image = cache.getImage(imageId);
    if (image) triggerEvent(eventTarget, Enums.Events.IMAGE_CACHE_IMAGE_ADDED, { image });
  }
  if (cache.getVolumeLoadObject(volumeId)) cache.removeVolumeLoadObject(volumeId);
}
