/** A rectangle in canvas pixels (CSS pixels, origin top left). */
export interface CanvasBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Width and height of each overlay corner, in canvas pixels. */
export interface CornerSizes {
  topLeft: { width: number; height: number };
  topRight: { width: number; height: number };
  bottomLeft: { width: number; height: number };
  bottomRight: { width: number; height: number };
}

/**
 * The zoom factor that makes a centred image's box, scaled about the canvas centre, as large as it can be on the
 * canvas and off every overlay corner: each corner is cleared either sideways or vertically, whichever costs less.
 */
/** Pixels kept between a corner text and the image. */
const GAP = 2;

export function scaleClearingCorners(image: CanvasBox, canvas: { width: number; height: number }, corners: CornerSizes): number {
  const cx = canvas.width / 2;
  const cy = canvas.height / 2;
  // Largest scale at which the image edge `reach` pixels out from the centre stays `free` pixels from the centre.
  const upTo = (free: number, reach: number) => (reach <= 0 ? Infinity : Math.max(0, free) / reach);
  // Room from the centre to a corner text of this size (none to keep from an empty corner).
  const free = (half: number, size: number) => (size > 0 ? half - size - GAP : half);
  const left = cx - image.left;
  const right = image.right - cx;
  const up = cy - image.top;
  const down = image.bottom - cy;
  const scale = Math.min(
    upTo(cx, left),
    upTo(cx, right),
    upTo(cy, up),
    upTo(cy, down),
    Math.max(upTo(free(cx, corners.topLeft.width), left), upTo(free(cy, corners.topLeft.height), up)),
    Math.max(upTo(free(cx, corners.topRight.width), right), upTo(free(cy, corners.topRight.height), up)),
    Math.max(upTo(free(cx, corners.bottomLeft.width), left), upTo(free(cy, corners.bottomLeft.height), down)),
    Math.max(upTo(free(cx, corners.bottomRight.width), right), upTo(free(cy, corners.bottomRight.height), down)),
  );
  return Math.max(0.05, scale);
}
