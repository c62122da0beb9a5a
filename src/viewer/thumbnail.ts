import { imageLoader, type Types } from '@cornerstonejs/core';

const first = (v: number | number[] | undefined): number | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Draws an image into a small canvas by sampling it: the cost follows the thumbnail's pixels, not the image's.
 * (Cornerstone's loadImageToCanvas renders the whole image on the CPU first: a 2-megapixel image blocks the page
 * for a few hundred milliseconds, one per series, just when a folder opens.) Nearest neighbour, the file's first
 * window (else the value range), letterboxed on black.
 */
export async function drawThumbnail(canvas: HTMLCanvasElement, imageId: string): Promise<void> {
  const image = await imageLoader.loadImage(imageId);
  const context = canvas.getContext('2d');
  if (!context) return;
  const { width, height } = canvas;
  const { rows, columns } = image;
  const pixels = image.getPixelData() as ArrayLike<number>;
  const components = Math.max(1, Math.round(pixels.length / Math.max(1, rows * columns)));
  const out = context.createImageData(width, height);
  const scale = Math.max(rows, columns) / Math.min(width, height);
  const offsetX = (width - columns / scale) / 2;
  const offsetY = (height - rows / scale) / 2;
  const grey = greyMapping(image, pixels);
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y - offsetY) * scale);
    for (let x = 0; x < width; x++) {
      const column = Math.floor((x - offsetX) * scale);
      const at = (y * width + x) * 4;
      out.data[at + 3] = 255;
      if (row < 0 || row >= rows || column < 0 || column >= columns) continue;
      const source = (row * columns + column) * components;
      if (components >= 3) {
        out.data[at] = pixels[source]!;
        out.data[at + 1] = pixels[source + 1]!;
        out.data[at + 2] = pixels[source + 2]!;
      } else {
        const value = grey(pixels[source]!);
        out.data[at] = out.data[at + 1] = out.data[at + 2] = value;
      }
    }
  }
  context.putImageData(out, 0, 0);
}

/** Stored (or already rescaled) value → 0..255 through the modality rescale and the window, inverted for MONOCHROME1. */
function greyMapping(image: Types.IImage, pixels: ArrayLike<number>): (stored: number) => number {
  const scaled = image.preScale?.scaled === true;
  const slope = scaled ? 1 : image.slope || 1;
  const intercept = scaled ? 0 : image.intercept || 0;
  let center = first(image.windowCenter);
  let width = first(image.windowWidth);
  if (center === undefined || width === undefined || !(width > 0)) {
    let min = Infinity;
    let max = -Infinity;
    const step = Math.max(1, Math.floor(pixels.length / 65536));
    for (let i = 0; i < pixels.length; i += step) {
      const v = pixels[i]! * slope + intercept;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    center = (min + max) / 2;
    width = Math.max(1, max - min);
  }
  const low = center - width / 2;
  const invert = image.invert === true;
  return (stored) => {
    const level = Math.min(255, Math.max(0, Math.round(((stored * slope + intercept - low) / width) * 255)));
    return invert ? 255 - level : level;
  };
}
