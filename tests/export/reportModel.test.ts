import { describe, expect, it } from 'vitest';
import { chartPoints, tumourBoardReport } from '../../src/export';
import { sampleContext, sampleState } from './fixtures';

describe('tumour-board report model', () => {
  const report = tumourBoardReport(sampleState(), sampleContext);

  it('has the patient header and the studies in time order', () => {
    expect(report).toMatchObject({ patientName: 'Doe^Jane', patientId: 'PID-0042' });
    expect(report.studies.map((s) => [s.timepoint, s.date])).toEqual([
      ['Baseline', '20240110'],
      ['+3 mo', '20240410'],
    ]);
  });

  it('gives each lesion its values per timepoint against the geometry (50 mm 3-4-5 length, 20 mm, 4.19 and 1.26 mL)', () => {
    const [lesion] = report.lesions;
    expect(lesion?.name).toBe('Epidural C2');
    expect(lesion?.rows.map((r) => r.timepoint)).toEqual(['Baseline', '+3 mo']);
    const [base, follow] = lesion!.rows;
    expect(base!.longestDiameterMm).toBeCloseTo(50, 9);
    expect(follow!.longestDiameterMm).toBeCloseTo(20, 9);
    expect(base!.segmentedVolumeMl).toBeCloseTo(4.18879, 9);
    expect(follow!.segmentedVolumeMl).toBeCloseTo(1.25664, 9);
    expect(report.volumeSource).toBe('segmented');
  });

  it('states the response with its rule at each timepoint', () => {
    expect(report.volumetric.map((l) => l.timepoint)).toEqual(['Baseline', '+3 mo']);
    for (const line of [...report.recist, ...report.volumetric]) expect(line.rule.length).toBeGreaterThan(0);
  });

  it('does not repeat the category before its rule, and names series by modality and description, never by UID', () => {
    for (const line of [...report.recist, ...report.volumetric]) {
      expect(line.rule.startsWith(`${line.category}:`), line.rule).toBe(false);
      for (const uid of ['S1', 'S2']) expect(line.rule.includes(`series ${uid}`), line.rule).toBe(false);
    }
  });

  it('scales chart points to the largest value and skips missing ones', () => {
    expect(chartPoints([10, null, 5], 100, 50, 0)).toEqual([
      { x: 0, y: 0, value: 10, index: 0 },
      { x: 100, y: 25, value: 5, index: 2 },
    ]);
  });
});
