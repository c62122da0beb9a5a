/** A rectangle of pixels: left, top, width, height. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The smallest box holding every pixel brighter than `threshold` (any of R, G, B) in RGBA data, grown by `margin`
 * within the picture; the whole picture when nothing is that bright. A viewport's capture is mostly the black around
 * the image: a key image cropped to this box shows the anatomy larger on the page.
 */
export function contentBox(rgba: ArrayLike<number>, width: number, height: number, threshold = 12, margin = 4): PixelBox {
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (rgba[i]! <= threshold && rgba[i + 1]! <= threshold && rgba[i + 2]! <= threshold) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return { x: 0, y: 0, width, height };
  const x = Math.max(0, left - margin);
  const y = Math.max(0, top - margin);
  return { x, y, width: Math.min(width, right + margin + 1) - x, height: Math.min(height, bottom + margin + 1) - y };
}
