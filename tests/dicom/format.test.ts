import { describe, expect, it } from 'vitest';
import { describeSeriesGeometry, directionLetters, formatDicomDate, formatDicomTime, formatPersonName, orientationLabel } from '../../src/dicom';
import { buildSeries } from '../../src/dicom';
import { makeInstance, makeStack, SAGITTAL } from './factory';

describe('formatting', () => {
  it('formats DICOM dates', () => {
    expect(formatDicomDate('20260105')).toBe('2026-01-05');
    expect(formatDicomDate(' 2026.01.05 ')).toBe('2026-01-05');
    expect(formatDicomDate('')).toBe('');
    expect(formatDicomDate('2026')).toBe('2026');
  });

  it('formats DICOM times', () => {
    expect(formatDicomTime('142530.123')).toBe('14:25:30');
    expect(formatDicomTime('1425')).toBe('14:25');
    expect(formatDicomTime('14:25:30')).toBe('14:25:30');
  });

  it('formats person names', () => {
    expect(formatPersonName('DOE^JOHN')).toBe('DOE, JOHN');
    expect(formatPersonName('DOE^JOHN^A^DR^JR')).toBe('DOE, DR JOHN A, JR');
    expect(formatPersonName('DOE')).toBe('DOE');
    expect(formatPersonName('^JOHN')).toBe('JOHN');
    expect(formatPersonName('Yamada^Tarou=山田^太郎=やまだ^たろう')).toBe('Yamada, Tarou');
    expect(formatPersonName('')).toBe('');
  });
});

describe('orientation', () => {
  it('labels planes', () => {
    expect(orientationLabel([1, 0, 0, 0, 1, 0])).toBe('axial');
    expect(orientationLabel([0, 1, 0, 0, 0, -1])).toBe('sagittal');
    expect(orientationLabel([1, 0, 0, 0, 0, -1])).toBe('coronal');
    const t = (20 * Math.PI) / 180;
    expect(orientationLabel([1, 0, 0, 0, Math.cos(t), -Math.sin(t)])).toBe('axial');
    const q = Math.SQRT1_2;
    expect(orientationLabel([1, 0, 0, 0, q, -q])).toBe('oblique');
  });

  it('gives patient direction letters, strongest first', () => {
    expect(directionLetters([1, 0, 0])).toBe('L');
    expect(directionLetters([-1, 0, 0])).toBe('R');
    expect(directionLetters([0, 1, 0])).toBe('P');
    expect(directionLetters([0, -1, 0])).toBe('A');
    expect(directionLetters([0, 0, 1])).toBe('S');
    expect(directionLetters([0, 0, -1])).toBe('I');
    expect(directionLetters([0.3, -0.9, 0.1])).toBe('AL');
    expect(directionLetters([0, 0.6, -0.8])).toBe('IP');
    expect(directionLetters([0, 0, 0])).toBe('');
  });

  it('describes a series geometry in one line', () => {
    const [patient] = buildSeries(makeStack({ count: 35, orientation: SAGITTAL, spacing: 4.8 }));
    const series = patient?.studies[0]?.series[0];
    if (!series) throw new Error('no series');
    expect(describeSeriesGeometry(series)).toBe('sagittal, 35 slices, 512×512, pixels 0.50 × 0.50 mm, spacing 4.80 mm, volume');
    const [flat] = buildSeries([makeInstance({ frames: [{ imagePositionPatient: null, imageOrientationPatient: null, pixelSpacing: null, sliceThickness: null }] })]);
    const cr = flat?.studies[0]?.series[0];
    if (!cr) throw new Error('no series');
    expect(describeSeriesGeometry(cr)).toBe('1 image, 512×512, no patient geometry');
  });
});
