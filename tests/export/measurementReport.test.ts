import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeasurementReport, trackingUidFor, writeMeasurementReport } from '../../src/export';
import type { Measurement } from '../../src/measure';
import { dciodvfyErrors, hasTool } from '../deidentify/dicomTools';
import { BASE_UID, FOLLOW_UID, LESION_ID, sampleContext, srState } from './srFixture';

const dir = mkdtempSync(join(tmpdir(), 'spinelens-sr-'));
const state = srState();
const study = (uid: string) => sampleContext.studies.find((s) => s.studyInstanceUid === uid)!;
const write = (uid: string, n: number) => {
  const bytes = writeMeasurementReport(state, sampleContext, study(uid), { seriesInstanceUid: `2.25.${n}1`, sopInstanceUid: `2.25.${n}2`, now: new Date('2024-05-01T12:00:00Z') });
  const file = join(dir, `sr${n}.dcm`);
  writeFileSync(file, Buffer.from(bytes));
  return { bytes, file };
};
const baseline = write(BASE_UID, 1);
const followUp = write(FOLLOW_UID, 2);
const seriesKeyFor = (studyUid: string) => (studyUid === BASE_UID ? 'S1' : 'S2');

describe('DICOM SR (TID 1500) of the measurements', () => {
  it.skipIf(!hasTool('dciodvfy'))('dciodvfy finds no error in either report', () => {
    expect(dciodvfyErrors(baseline.file)).toEqual([]);
    expect(dciodvfyErrors(followUp.file)).toEqual([]);
  });

  it.skipIf(!hasTool('dsrdump'))('dcmtk reads the lesion group: name as Tracking Identifier, one Tracking UID at both timepoints, values with units', () => {
    const dump = (file: string) => execFileSync('dsrdump', ['+Pc', file], { encoding: 'utf8' });
    const base = dump(baseline.file);
    const follow = dump(followUp.file);
    expect(base).toMatch(/Tracking Identifier"\)="Epidural C2"/);
    const uid = trackingUidFor(LESION_ID);
    expect(base).toContain(`Tracking Unique Identifier")="${uid}"`);
    expect(follow).toContain(`Tracking Unique Identifier")="${uid}"`);
    expect(base).toMatch(/Finding Site"\)=\(C2-3,99SPINELENS/);
    expect(base).toMatch(/NUM:\(410668003,SCT,"Length"\)="50" \(mm,UCUM/);
    expect(base).toMatch(/NUM:\(103339001,SCT,"Long Axis"\)="24" \(mm,UCUM/);
    expect(base).toMatch(/NUM:\(103340004,SCT,"Short Axis"\)="10" \(mm,UCUM/);
    expect(base).toMatch(/Length"\)="50" \(mm,UCUM,"millimeter"\)>[^\n]*\s+<inferred from SCOORD3D:=\(POLYLINE,,0\/0\/0/);
    expect(execFileSync('dcmdump', ['+P', 'ReferencedFrameOfReferenceUID', baseline.file], { encoding: 'utf8' })).toContain('[1.2.826.0.1.3680043.8.498.9]');
    expect(base).toMatch(/NUM:\(118565006,SCT,"Volume"\)="4.1888" \(ml,UCUM[\s\S]*Measurement Method"\)=\(126030,DCM/);
    expect(follow).toMatch(/NUM:\(118565006,SCT,"Volume"\)="1.2566" \(ml,UCUM/);
    expect(follow).toMatch(/NUM:\(410668003,SCT,"Length"\)="20"/);
  });

  it('reads back value by value: lesion identity, every measurement with its points, the segmented volume', () => {
    const restored = [baseline, followUp].map(({ bytes }, i) => {
      const result = readMeasurementReport(bytes, `sr${i}.dcm`, seriesKeyFor);
      if (!result.ok) throw new Error(result.reason);
      return result.report;
    });
    for (const report of restored) expect(report.lesions.map((l) => [l.id, l.name, l.level])).toEqual([[LESION_ID, 'Epidural C2', 'C2-3']]);
    const measured = state.measurements;
    const back = restored.flatMap((r) => r.measurements);
    expect(back.map((m) => m.id).sort()).toEqual(measured.map((m) => m.id).sort());
    const coordinates = (m: Measurement): number[] => {
      switch (m.kind) {
        case 'length':
          return m.points.flat();
        case 'bidirectional':
          return [...m.long.flat(), ...m.short.flat()];
        case 'ellipse':
          return m.points.flat();
        default:
          return [];
      }
    };
    for (const original of measured) {
      const copy = back.find((m) => m.id === original.id)!;
      expect(copy).toMatchObject({ kind: original.kind, studyInstanceUid: original.studyInstanceUid, seriesKey: original.seriesKey, frameOfReferenceUid: original.frameOfReferenceUid, lesionId: LESION_ID });
      const a = coordinates(original);
      const b = coordinates(copy);
      expect(b).toHaveLength(a.length);
      a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 4));
      if (original.kind === 'ellipse' && copy.kind === 'ellipse') {
        expect(copy.stats.areaMm2).toBeCloseTo(original.stats.areaMm2, 3);
        expect(copy.stats).toMatchObject({ mean: 43.25, unit: 'HU' });
      }
    }
    const volumes = restored.flatMap((r) => r.segmentedVolumes);
    expect(volumes.map((v) => v.lesionId)).toEqual([LESION_ID, LESION_ID]);
    // Written to 0.1 µL (4 decimals of a mL): 4188.79 mm³ and 1256.64 mm³.
    expect(volumes[0]!.volumeMm3).toBeCloseTo(4188.79, 0);
    expect(volumes[1]!.volumeMm3).toBeCloseTo(1256.64, 0);
  });

  it('refuses a file that is not a measurement report, naming it', () => {
    const image = readFileSync(join(__dirname, '../../sample-dicom/baseline/mr/IM0001.dcm'));
    const result = readMeasurementReport(image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength), 'IM0001.dcm', seriesKeyFor);
    expect(result).toEqual({ ok: false, reason: 'IM0001.dcm is not a measurement report (TID 1500 in a Comprehensive 3D SR).' });
  });
});
