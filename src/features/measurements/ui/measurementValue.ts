import { bidirectionalAxes, formatMm, lengthMm, type Measurement } from '../../../measure';

export const KIND_NAMES: Record<Measurement['kind'], string> = {
  length: 'Length',
  bidirectional: 'Bidirectional',
  ellipse: 'Ellipse',
  freehand: 'Freehand',
  probe: 'Probe',
  arrow: 'Arrow',
};

/**
 * The numbers of a measurement as shown: "12.3 mm", "20.1 × 11.0 mm", "41 HU". On a series without a valid Pixel
 * Spacing the image is laid out in pixels: its lengths and areas are said in px, never as millimetres.
 */
export function measurementValue(m: Measurement, calibrated = true): string {
  if (!calibrated) return uncalibratedValue(m);
  switch (m.kind) {
    case 'length':
      return formatMm(lengthMm(...m.points));
    case 'bidirectional': {
      const { longMm, shortMm } = bidirectionalAxes(m);
      return `${formatMm(longMm).replace(' mm', '')} × ${formatMm(shortMm)}`;
    }
    case 'ellipse':
    case 'freehand':
      return `${m.stats.areaMm2.toFixed(1)} mm² · mean ${m.stats.mean.toFixed(1)}${m.stats.unit ? ` ${m.stats.unit}` : ''}`;
    case 'probe':
      return `${m.value.toFixed(1)}${m.unit ? ` ${m.unit}` : ''}`;
    case 'arrow':
      return m.text;
  }
}

function uncalibratedValue(m: Measurement): string {
  const px = (mm: number) => `${mm.toFixed(1)} px`;
  switch (m.kind) {
    case 'length':
      return `${px(lengthMm(...m.points))} (uncalibrated)`;
    case 'bidirectional': {
      const { longMm, shortMm } = bidirectionalAxes(m);
      return `${longMm.toFixed(1)} × ${px(shortMm)} (uncalibrated)`;
    }
    case 'ellipse':
    case 'freehand':
      return `${m.stats.areaMm2.toFixed(1)} px² (uncalibrated) · mean ${m.stats.mean.toFixed(1)}${m.stats.unit ? ` ${m.stats.unit}` : ''}`;
    default:
      return measurementValue(m);
  }
}
