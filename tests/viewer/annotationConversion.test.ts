import { describe, expect, it } from 'vitest';
import { measurementFromAnnotation, storableAnnotation, type AnnotationJson } from '../../src/measure/annotationConversion';
import { bidirectionalAxes, lengthMm } from '../../src/measure';

const context = { studyInstanceUid: '1.2.3', seriesKey: '1.2.3.4', frameOfReferenceUid: '1.2.3.9', createdAt: '2025-01-02T03:04:05.000Z' };

function annotation(toolName: string, points: number[][], cachedStats: AnnotationJson['data']['cachedStats'] = {}): AnnotationJson {
  return {
    annotationUID: 'uid-1',
    highlighted: true,
    metadata: { toolName, FrameOfReferenceUID: '1.2.3.9', referencedImageId: 'dicomfile:3', viewPlaneNormal: [0, 0, 1] },
    data: { handles: { points, textBox: { hasMoved: false } }, cachedStats, label: '' },
  };
}

describe('measurementFromAnnotation', () => {
  it('keeps a freehand ROI outline with its statistics, and an arrow with its text, head last', () => {
    const freehand = annotation('PlanarFreehandROI', [], { 'volumeId:x': { area: 120.5, mean: 61.2, stdDev: 7.5, min: 30, max: 90, modalityUnit: 'HU' } });
    freehand.data['contour'] = { polyline: [[0, 0, 5], [10, 0, 5], [10, 12, 5], [0, 12, 5]], closed: true };
    const f = measurementFromAnnotation(freehand, context);
    expect(f).toMatchObject({ kind: 'freehand', stats: { areaMm2: 120.5, mean: 61.2, sd: 7.5, min: 30, max: 90, unit: 'HU' } });
    expect(f?.kind === 'freehand' && f.points).toHaveLength(4);
    const arrow = annotation('ArrowAnnotate', [[5, 5, 0], [25, 5, 0]]);
    arrow.data.label = 'enhancing rim';
    expect(measurementFromAnnotation(arrow, context)).toMatchObject({ kind: 'arrow', points: [[25, 5, 0], [5, 5, 0]], text: 'enhancing rim' });
  });

  it('turns a Length annotation into a length measurement with the annotation UID as id', () => {
    const m = measurementFromAnnotation(annotation('Length', [[10, 20, 30], [13, 24, 30]]), context);
    expect(m).toMatchObject({ id: 'uid-1', kind: 'length', points: [[10, 20, 30], [13, 24, 30]], ...context });
    expect(m?.kind === 'length' && lengthMm(...m.points)).toBe(5);
  });

  it('reads a Bidirectional as points[0..1] long axis and points[2..3] short axis, in world mm', () => {
    // Long axis 3-4-5 triangle scaled by 10 (50 mm); short axis (8, −6) through its middle (10 mm), perpendicular.
    const m = measurementFromAnnotation(annotation('Bidirectional', [[0, 0, -5], [30, 40, -5], [11, 23, -5], [19, 17, -5]]), context);
    expect(m?.kind).toBe('bidirectional');
    if (m?.kind !== 'bidirectional') return;
    expect(m.long).toEqual([[0, 0, -5], [30, 40, -5]]);
    expect(m.short).toEqual([[11, 23, -5], [19, 17, -5]]);
    const axes = bidirectionalAxes(m);
    expect(axes.longMm).toBeCloseTo(50, 10);
    expect(axes.shortMm).toBeCloseTo(10, 10);
    expect(axes.perpendicularityErrorDeg).toBeCloseTo(0, 10);
  });

  it('returns null for a drag that has not moved yet, for unknown tools and for missing points', () => {
    expect(measurementFromAnnotation(annotation('Length', [[1, 2, 3], [1, 2, 3]]), context)).toBeNull();
    expect(measurementFromAnnotation(annotation('Bidirectional', [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]), context)).toBeNull();
    expect(measurementFromAnnotation(annotation('Angle', [[0, 0, 0], [1, 0, 0], [1, 1, 0]]), context)).toBeNull();
    expect(measurementFromAnnotation(annotation('Length', [[0, 0, 0]]), context)).toBeNull();
    expect(measurementFromAnnotation(annotation('Length', [[0, 0, Number.NaN], [1, 0, 0]]), context)).toBeNull();
  });

  it('takes ROI statistics of an ellipse once Cornerstone has computed them', () => {
    const points = [[0, -4, 0], [0, 4, 0], [-6, 0, 0], [6, 0, 0]];
    expect(measurementFromAnnotation(annotation('EllipticalROI', points, { 'imageId:x': { area: null, mean: null } }), context)).toBeNull();
    const stats = { area: 150.8, mean: 42.5, stdDev: 7.1, min: 3, max: 90, modalityUnit: 'HU' };
    expect(measurementFromAnnotation(annotation('EllipticalROI', points, { 'imageId:x': stats }), context)).toMatchObject({
      kind: 'ellipse',
      stats: { areaMm2: 150.8, mean: 42.5, sd: 7.1, min: 3, max: 90, unit: 'HU' },
    });
  });

  it('takes a probe value and unit', () => {
    const m = measurementFromAnnotation(annotation('Probe', [[1, 2, 3]], { 'imageId:x': { value: -12, modalityUnit: 'HU' } }), context);
    expect(m).toMatchObject({ kind: 'probe', point: [1, 2, 3], value: -12, unit: 'HU' });
  });
});

describe('storableAnnotation', () => {
  it('drops computed statistics and display state, keeps geometry and metadata, and is a copy', () => {
    const original = annotation('Length', [[0, 0, 0], [1, 1, 1]], { 'imageId:x': { length: 1.7 } });
    const saved = storableAnnotation(original);
    expect(saved.data.cachedStats).toEqual({});
    expect(saved.invalidated).toBe(true);
    expect(saved.highlighted).toBe(false);
    expect(saved.metadata).toEqual(original.metadata);
    expect(saved.data.handles?.points).toEqual([[0, 0, 0], [1, 1, 1]]);
    expect(saved.data.handles?.points).not.toBe(original.data.handles?.points);
    expect(original.data.cachedStats).toEqual({ 'imageId:x': { length: 1.7 } });
    expect(structuredClone(saved)).toEqual(saved);
  });
});
