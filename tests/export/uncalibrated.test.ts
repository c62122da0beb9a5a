import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurementRows, measurementsCsv, readMeasurementReport, tumourBoardReport, writeMeasurementReport, type CaseContext } from '../../src/export';
import type { SpineLensState } from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import { dciodvfyErrors, hasTool } from '../deidentify/dicomTools';
import { FOLLOW_UID, FOR_UID, sampleContext, sampleState } from './fixtures';

// The follow-up also has an 8-bit CT without a valid Pixel Spacing, on which a 37 px length was drawn (0, 0) → (0, 37).
const BROKEN = { seriesKey: 'S3', seriesInstanceUid: '1.2.826.0.1.3680043.8.498.33', modality: 'CT', description: '8-BIT CT' };
const inPixels: Measurement = {
  id: 'px-1',
  studyInstanceUid: FOLLOW_UID,
  seriesKey: BROKEN.seriesKey,
  frameOfReferenceUid: FOR_UID,
  createdAt: '2024-04-10T10:00:00.000Z',
  label: '',
  lesionId: 'lesion-1',
  viewPlaneNormal: [0, 0, 1],
  uncalibrated: true,
  kind: 'length',
  points: [[0, 0, 0], [0, 37, 0]],
};
const state: SpineLensState = { ...sampleState(), measurements: [...sampleState().measurements, inPixels] };
const context: CaseContext = {
  ...sampleContext,
  studies: sampleContext.studies.map((s) => (s.studyInstanceUid === FOLLOW_UID ? { ...s, series: [...s.series, BROKEN] } : s)),
};
const followUp = context.studies.find((s) => s.studyInstanceUid === FOLLOW_UID)!;

describe('export of a length drawn on a series without a valid Pixel Spacing', () => {
  it('CSV: its value in px with the unit "px (uncalibrated)", never mm', () => {
    const csv = measurementsCsv(measurementRows(state, context));
    const line = csv.split('\r\n').find((l) => l.includes('8-BIT CT'));
    expect(line).toBe('Doe^Jane,2024-04-10,+3 mo,Epidural C2,C2-3,length,37,px (uncalibrated),CT 8-BIT CT');
    // The calibrated lengths of the same lesion keep mm.
    expect(csv).toContain(',length,50,mm,MR T1 SAG');
  });

  const bytes = writeMeasurementReport(state, context, followUp, { seriesInstanceUid: '2.25.71', sopInstanceUid: '2.25.72', now: new Date('2024-05-01T12:00:00Z') });
  const file = join(mkdtempSync(join(tmpdir(), 'spinelens-uncal-')), 'sr.dcm');
  writeFileSync(file, Buffer.from(bytes));

  it.skipIf(!hasTool('dsrdump'))('SR: left out with a comment saying why; the calibrated values of the lesion stay', () => {
    const dump = execFileSync('dsrdump', ['+Pc', file], { encoding: 'utf8' });
    expect(dump).not.toMatch(/="37"/);
    expect(dump).toMatch(/Comment"\)="1 measurement left out: CT \.\.\."/);
    const texts = execFileSync('dcmdump', ['+P', 'TextValue', '+L', file], { encoding: 'utf8' });
    expect(texts).toContain('[1 measurement left out: CT 8-BIT CT has no valid Pixel Spacing (0028,0030), so its length is in pixels, not mm (uncalibrated)]');
    expect(dump).toMatch(/NUM:\(410668003,SCT,"Length"\)="20" \(mm,UCUM/);
  });

  it.skipIf(!hasTool('dciodvfy'))('SR: dciodvfy finds no error', () => {
    expect(dciodvfyErrors(file)).toEqual([]);
  });

  it('SR read back: the lesion and its calibrated measurements, not the one in px', () => {
    const result = readMeasurementReport(bytes, 'sr.dcm', () => 'S2');
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.measurements.map((m) => m.kind).sort()).toEqual(['arrow', 'length']);
    const length = result.report.measurements.find((m) => m.kind === 'length');
    expect(length?.kind === 'length' && length.points).toEqual([[1, 2, 3], [1, 2, 23]]);
    expect(result.report.lesions.map((l) => l.name)).toEqual(['Epidural C2']);
  });

  it('report: the length in px beside no diameter in mm, the response says why it is not evaluable', () => {
    const onlyPixels: SpineLensState = { ...state, measurements: state.measurements.filter((m) => m.studyInstanceUid !== FOLLOW_UID || m.id === inPixels.id), segmentationSummaries: [] };
    const report = tumourBoardReport(onlyPixels, context);
    const row = report.lesions[0]!.rows.find((r) => r.timepoint === '+3 mo')!;
    expect(row.longestDiameterMm).toBeNull();
    expect(row.ellipsoidVolumeMl).toBeNull();
    expect(row.uncalibratedLongestPx).toBeCloseTo(37, 9);
    expect(report.recist[1]).toMatchObject({ timepoint: '+3 mo', category: 'NE' });
    expect(report.recist[1]!.rule).toContain('CT 8-BIT CT has no valid Pixel Spacing');
  });
});
