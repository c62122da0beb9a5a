import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/export/sr/codes';
import type { ContentItem } from '../../src/export/sr/contentItems';
import { measurementsOfGroup } from '../../src/export/sr/readMeasurements';
import type { Measurement } from '../../src/measure';

/** An ellipse of semi-axes 10 mm and 5 mm: π × 10 × 5 mm² (157.08 mm², 1.5708 cm²). */
const ELLIPSE = [-10, 0, 5, 10, 0, 5, 0, -5, 5, 0, 5, 5];
/** A 20 mm × 10 mm rectangle, written closed as a POLYGON: 200 mm². */
const RECTANGLE = [0, 0, 7, 20, 0, 7, 20, 10, 7, 0, 10, 7, 0, 0, 7];

/** A foreign SR's area item, naturalized as dcmjs reads it, in the given UCUM unit. */
function areaGroup(graphicType: 'ELLIPSE' | 'POLYGON', graphicData: number[], value: number, unit: string): ContentItem {
  return {
    ContentSequence: [
      {
        ValueType: 'NUM',
        ConceptNameCodeSequence: [CODES.area],
        ObservationUID: '2.25.4711',
        MeasuredValueSequence: [{ NumericValue: value, MeasurementUnitsCodeSequence: [{ CodeValue: unit, CodingSchemeDesignator: 'UCUM', CodeMeaning: unit }] }],
        ContentSequence: [{ ValueType: 'SCOORD3D', GraphicType: graphicType, GraphicData: graphicData, ReferencedFrameOfReferenceUID: '1.2.3' }],
      },
    ],
  };
}

const context = { studyInstanceUid: '1.2.4', seriesKeyFor: () => 'series' };
function areaOf(group: ContentItem): number {
  const [m] = measurementsOfGroup(group, context, 'g') as (Measurement | undefined)[];
  if (m?.kind !== 'ellipse' && m?.kind !== 'freehand') throw new Error(`no ROI read: ${m?.kind}`);
  return m.stats.areaMm2;
}

describe('the area of an ROI read from an SR, by its unit', () => {
  it('keeps an area in mm²', () => {
    expect(areaOf(areaGroup('ELLIPSE', ELLIPSE, Math.PI * 50, 'mm2'))).toBeCloseTo(Math.PI * 50, 9);
  });

  it('converts an area in cm² to mm² (ellipse and polygon)', () => {
    expect(areaOf(areaGroup('ELLIPSE', ELLIPSE, Math.PI * 0.5, 'cm2'))).toBeCloseTo(Math.PI * 50, 9);
    expect(areaOf(areaGroup('POLYGON', RECTANGLE, 2, 'cm2'))).toBeCloseTo(200, 9);
  });

  it('takes the area from the drawn outline when the unit is neither mm² nor cm²', () => {
    expect(areaOf(areaGroup('ELLIPSE', ELLIPSE, 0.000157, 'm2'))).toBeCloseTo(Math.PI * 50, 4);
    expect(areaOf(areaGroup('POLYGON', RECTANGLE, 0.0002, 'm2'))).toBeCloseTo(200, 4);
  });
});
