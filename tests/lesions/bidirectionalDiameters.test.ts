import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../src/geometry/vec3';
import { emptyState, lesionSummary, type SpineLensState } from '../../src/lesions';
import type { BidirectionalMeasurement, Measurement } from '../../src/measure';
import { measurementFromAnnotation, type AnnotationJson } from '../../src/measure/annotationConversion';
import { bidirectional, lengthMeasurement } from './fixtures';

// An analytic ellipsoid centred at C: semi-axes 15 mm left-right (x), 10 mm anterior-posterior (y), 20 mm craniocaudal (z).
const C: Vec3 = [4, -7, 12];
const [A, B, Cz] = [15, 10, 20];
const TRUE_VOLUME_ML = ((4 / 3) * Math.PI * A * B * Cz) / 1000; // 12.566 mL
const through = (axis: Vec3, semi: number): [Vec3, Vec3] => [
  [C[0] - axis[0] * semi, C[1] - axis[1] * semi, C[2] - axis[2] * semi],
  [C[0] + axis[0] * semi, C[1] + axis[1] * semi, C[2] + axis[2] * semi],
];
const AXIAL: Vec3 = [0, 0, 1];
const SAGITTAL: Vec3 = [1, 0, 0];

const onLesion = (m: Measurement): Measurement => ({ ...m, lesionId: 'L' });
const state = (...measurements: Measurement[]): SpineLensState => ({
  ...emptyState('k'),
  lesions: [{ id: 'L', name: 'L', level: '', levelSource: 'auto', site: 'osseous', notes: '', status: 'tracked', createdAt: '' }],
  measurements: measurements.map(onLesion),
});
const drawn = (m: BidirectionalMeasurement, viewPlaneNormal: Vec3, shortAxisSet: boolean): BidirectionalMeasurement => ({ ...m, viewPlaneNormal, shortAxisSet });

// The largest sections of the ellipsoid: axial (x by y) and sagittal (z by y), both axes set by the reader.
const axialSection = () => drawn(bidirectional(through([1, 0, 0], A), through([0, 1, 0], B)), AXIAL, true);
const sagittalSection = () => drawn(bidirectional(through([0, 0, 1], Cz), through([0, 1, 0], B)), SAGITTAL, true);

describe('ellipsoid volume from an axial and a sagittal bidirectional', () => {
  it('takes CC from the sagittal bidirectional and matches the analytic ellipsoid', () => {
    const axial = axialSection();
    const sagittal = sagittalSection();
    const summary = lesionSummary(state(axial, sagittal), 'L', 'study-1');
    expect(summary.diameters?.transverseMm).toBeCloseTo(2 * A, 9);
    expect(summary.diameters?.apMm).toBeCloseTo(2 * B, 9);
    expect(summary.diameters?.ccMm).toBeCloseTo(2 * Cz, 9);
    expect(summary.diameters?.sources).toEqual({ ap: axial.id, transverse: axial.id, cc: sagittal.id });
    expect(summary.ellipsoidVolumeMl).toBeCloseTo(TRUE_VOLUME_ML, 9);
    expect(summary.diameters?.warnings).toEqual([]);
  });

  it('takes the short axis of a sagittal bidirectional as CC when that one runs craniocaudally, only if the reader set it', () => {
    // A lesion deeper (AP 2×25 mm) than tall (CC 2×20 mm): on the sagittal view the long axis is AP.
    const flat = (set: boolean) => drawn(bidirectional(through([0, 1, 0], 25), through([0, 0, 1], Cz)), SAGITTAL, set);
    const axial = axialSection();
    expect(lesionSummary(state(axial, flat(true)), 'L', 'study-1').diameters?.ccMm).toBeCloseTo(2 * Cz, 9);
    expect(lesionSummary(state(axial, flat(false)), 'L', 'study-1').diameters).toBeNull();
  });

  it('prefers a CC length over a sagittal bidirectional', () => {
    const cc = lengthMeasurement(...through([0, 0, 1], 18), { axis: 'cc' });
    expect(lesionSummary(state(axialSection(), sagittalSection(), cc), 'L', 'study-1').diameters?.sources.cc).toBe(cc.id);
  });
});

describe('a bidirectional whose short axis the reader never set', () => {
  it('gives no AP or transverse diameter, so no ellipsoid volume, and is listed as such', () => {
    const axial = drawn(bidirectional(through([1, 0, 0], A), through([0, 1, 0], A / 1.5)), AXIAL, false);
    const summary = lesionSummary(state(axial, sagittalSection()), 'L', 'study-1');
    expect(summary.diameters).toBeNull();
    expect(summary.ellipsoidVolumeMl).toBeNull();
    expect(summary.defaultShortAxisIds).toEqual([axial.id]);
  });

  it('never makes the default short axis the longest diameter, even when a long-axis edit left it longer', () => {
    // The reader shortened the long axis to 12 mm; the tool's short axis kept its 20 mm.
    const axial = drawn(bidirectional(through([1, 0, 0], 6), through([0, 1, 0], 10)), AXIAL, false);
    expect(lesionSummary(state(axial), 'L', 'study-1').longestDiameter?.mm).toBeCloseTo(12, 9);
    expect(lesionSummary(state({ ...axial, shortAxisSet: true }), 'L', 'study-1').longestDiameter?.mm).toBeCloseTo(20, 9);
  });
});

describe('reading the short-axis state and view plane from a Cornerstone Bidirectional', () => {
  const context = { studyInstanceUid: 's', seriesKey: 'k', frameOfReferenceUid: 'f', createdAt: '2026-01-05T00:00:00Z' };
  const annotation = (activeHandleIndex: number | null): AnnotationJson => ({
    annotationUID: 'a1',
    metadata: { toolName: 'Bidirectional', viewPlaneNormal: [0, 0, -1] },
    data: { handles: { points: [[0, 0, 0], [30, 0, 0], [15, -10, 0], [15, 10, 0]], activeHandleIndex } },
  });

  it('is not set when drawn (no handle active) or when a long-axis handle is dragged; set when a short-axis handle is', () => {
    const read = (i: number | null) => measurementFromAnnotation(annotation(i), context) as BidirectionalMeasurement;
    expect(read(null).shortAxisSet).toBe(false);
    expect(read(1).shortAxisSet).toBe(false);
    expect(read(2).shortAxisSet).toBe(true);
    expect(read(3).shortAxisSet).toBe(true);
    expect(read(null).viewPlaneNormal).toEqual([0, 0, -1]);
  });
});
