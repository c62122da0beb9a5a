import { describe, expect, it } from 'vitest';
import { scaleClearingCorners, type CornerSizes } from '../../src/viewer/imageFit';

const corners = (width: number, height: number): CornerSizes => ({
  topLeft: { width, height },
  topRight: { width, height },
  bottomLeft: { width, height },
  bottomRight: { width, height },
});

describe('scaleClearingCorners', () => {
  it('shrinks a square image filling a 680×706 pane so 70 px corner rows above and below stay free (2 px gap)', () => {
    const image = { left: 0, top: 13, right: 680, bottom: 693 };
    const scale = scaleClearingCorners(image, { width: 680, height: 706 }, corners(200, 70));
    // Height left between the corner rows: 706 − 2·(70 + 2) = 562 px, for an image 680 px high.
    expect(scale * 680).toBeCloseTo(562, 6);
  });

  it('clears the corners sideways when that costs less: a wide pane keeps the image at full height', () => {
    const image = { left: 400, top: 0, right: 800, bottom: 400 };
    expect(scaleClearingCorners(image, { width: 1200, height: 400 }, corners(150, 70))).toBeCloseTo(1, 9);
  });

  it('grows a small centred image up to the largest size that still clears the corners', () => {
    const image = { left: 250, top: 250, right: 350, bottom: 350 };
    // Vertical room 600 − 2·(50 + 2) = 496 px; sideways the 300 px corners leave nothing.
    expect(scaleClearingCorners(image, { width: 600, height: 600 }, corners(300, 50)) * 100).toBeCloseTo(496, 6);
  });

  it('never lets the image leave the canvas, even with empty corners', () => {
    const image = { left: -100, top: -100, right: 700, bottom: 700 };
    expect(scaleClearingCorners(image, { width: 600, height: 600 }, corners(0, 0))).toBeCloseTo(600 / 800, 9);
  });
});
