import type { SeriesNode } from './types';

/**
 * A series with an image whose Pixel Spacing is missing or malformed: it is shown laid out in pixels, so nothing
 * measured on it is in millimetres.
 */
export function isUncalibratedSeries(series: Pick<SeriesNode, 'frames'>): boolean {
  return series.frames.some((f) => !f.instance.frames[f.frameIndex]?.pixelSpacing);
}
