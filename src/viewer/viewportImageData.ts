import { BaseVolumeViewport, StackViewport, type Types } from '@cornerstonejs/core';

/**
 * The image data a stack or volume viewport shows: its grid (dimensions, spacing, direction, origin), voxels and
 * index ↔ world mapping. A stack drawn on the CPU (no WebGL) gives Cornerstone's CPU image data, whose mapping
 * functions may be absent. Undefined for any other viewport and before data is set.
 */
export function shownImageData(viewport: Types.IViewport): Types.IImageData | Types.CPUIImageData | undefined {
  if (viewport instanceof BaseVolumeViewport) return viewport.getImageData();
  if (viewport instanceof StackViewport) return viewport.getImageData();
  return undefined;
}
