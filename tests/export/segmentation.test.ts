import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSegmentation, trackingUidFor, writeSegmentation, type SegSourceSeries } from '../../src/export';
import { dciodvfyErrors, dcmdumpValue, hasTool } from '../deidentify/dicomTools';
import { BASE_UID, LESION_ID, sampleContext } from './srFixture';

const SECOND_LESION = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const [COLUMNS, ROWS, SLICES] = [40, 32, 20];
const SPACING = { row: 0.9, column: 0.8, slice: 2 };

/** A sagittal series: rows run down (−z), columns run anterior→posterior (+y), slices along +x. */
const source: SegSourceSeries = {
  seriesInstanceUid: '1.2.826.0.1.3680043.8.498.50',
  frameOfReferenceUid: '1.2.826.0.1.3680043.8.498.9',
  rows: ROWS,
  columns: COLUMNS,
  pixelSpacing: [SPACING.row, SPACING.column],
  sliceSpacing: SPACING.slice,
  rowCosines: [0, 1, 0],
  columnCosines: [0, 0, -1],
  slices: Array.from({ length: SLICES }, (_, k) => ({ sopInstanceUid: `1.2.826.0.1.3680043.8.498.50.${k + 1}`, sopClassUid: '1.2.840.10008.5.1.4.1.1.4', position: [k * SPACING.slice - 20, -16, 14] as const })),
};

/** Two phantom spheres in mm (an ellipsoid in voxels: the spacing differs per axis), counted here voxel by voxel. */
function phantom(): { labelmap: Uint8Array; counts: [number, number] } {
  const labelmap = new Uint8Array(COLUMNS * ROWS * SLICES);
  const counts: [number, number] = [0, 0];
  const spheres = [
    { label: 1, centre: [14, 12, 8], radiusMm: 6 },
    { label: 2, centre: [30, 22, 14], radiusMm: 4 },
  ];
  for (let k = 0; k < SLICES; k++)
    for (let j = 0; j < ROWS; j++)
      for (let i = 0; i < COLUMNS; i++)
        for (const s of spheres) {
          const d = Math.hypot((i - s.centre[0]!) * SPACING.column, (j - s.centre[1]!) * SPACING.row, (k - s.centre[2]!) * SPACING.slice);
          if (d <= s.radiusMm) {
            labelmap[i + j * COLUMNS + k * COLUMNS * ROWS] = s.label;
            counts[s.label - 1]!++;
          }
        }
  return { labelmap, counts };
}

const { labelmap, counts } = phantom();
const study = sampleContext.studies.find((s) => s.studyInstanceUid === BASE_UID)!;
const segments = [
  { label: 1, name: 'Epidural C2', trackingUid: trackingUidFor(LESION_ID) },
  { label: 2, name: 'Paraspinal', trackingUid: trackingUidFor(SECOND_LESION) },
];
const bytes = writeSegmentation({ context: sampleContext, study, source, labelmap, segments, ids: { seriesInstanceUid: '2.25.71', sopInstanceUid: '2.25.72', now: new Date('2024-05-01T12:00:00Z') } })!;
const dir = mkdtempSync(join(tmpdir(), 'spinelens-seg-'));
const file = join(dir, 'seg.dcm');
writeFileSync(file, Buffer.from(bytes));
const sliceOf = (uid: string) => {
  const k = source.slices.findIndex((s) => s.sopInstanceUid === uid);
  return k >= 0 ? k : undefined;
};

describe('DICOM SEG of the lesion segmentations', () => {
  it('the phantom has two spheres of known size (sanity of the truth)', () => {
    // 4/3·π·r³ / voxel volume, within the discretisation of a small sphere.
    expect(counts[0] * 0.8 * 0.9 * 2).toBeGreaterThan(0.9 * (4 / 3) * Math.PI * 6 ** 3);
    expect(counts[0] * 0.8 * 0.9 * 2).toBeLessThan(1.1 * (4 / 3) * Math.PI * 6 ** 3);
    expect(counts[1]).toBeGreaterThan(0);
  });

  it.skipIf(!hasTool('dciodvfy'))('dciodvfy finds no error', () => {
    expect(dciodvfyErrors(file)).toEqual([]);
  });

  it.skipIf(!hasTool('dcmdump'))('dcmtk reads a binary SEG: segments named by lesion with their tracking UIDs, source images, geometry from the series', () => {
    expect(dcmdumpValue(file, 'SOPClassUID')).toContain('=SegmentationStorage');
    expect(dcmdumpValue(file, 'SegmentationType')).toContain('[BINARY]');
    const labels = dcmdumpValue(file, 'SegmentLabel');
    expect(labels).toContain('[Epidural C2]');
    expect(labels).toContain('[Paraspinal]');
    expect(dcmdumpValue(file, 'TrackingUID')).toContain(`[${trackingUidFor(LESION_ID)}]`);
    expect(dcmdumpValue(file, 'SegmentAlgorithmType')).toContain('[SEMIAUTOMATIC]');
    expect(dcmdumpValue(file, 'SegmentAlgorithmName')).toContain('[SpineLens]');
    expect(dcmdumpValue(file, 'PixelSpacing')).toContain('[0.9\\0.8]');
    expect(dcmdumpValue(file, 'ImageOrientationPatient')).toContain('[0\\1\\0\\0\\0\\-1]');
    expect(dcmdumpValue(file, 'ReferencedSOPInstanceUID')).toContain('[1.2.826.0.1.3680043.8.498.50.9]');
    expect(dcmdumpValue(file, 'ImagePositionPatient')).toContain('[-4\\-16\\14]');
  });

  it.skipIf(!hasTool('dcmdump'))('the pixel data dcmtk extracts holds exactly the phantom voxels of both spheres, bit by bit', () => {
    const out = join(dir, 'raw');
    execFileSync('mkdir', ['-p', out]);
    execFileSync('dcmdump', ['-q', '+W', out, file]);
    const raw = readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('.raw'))!));
    let set = 0;
    for (const byte of raw) for (let b = 0; b < 8; b++) set += (byte >> b) & 1;
    expect(set).toBe(counts[0] + counts[1]);
    const frames = Number(/\[(\d+)\]/.exec(dcmdumpValue(file, 'NumberOfFrames'))![1]);
    expect(raw.length).toBeGreaterThanOrEqual(Math.ceil((frames * ROWS * COLUMNS) / 8));
  });

  it('reads back onto the series: each segment has the voxels of its lesion, no more, no fewer', () => {
    const read = readSegmentation(bytes, 'seg.dcm', { rows: ROWS, columns: COLUMNS, sliceOf });
    if (!read.ok) throw new Error(read.reason);
    expect(read.seg.referencedSeriesInstanceUid).toBe(source.seriesInstanceUid);
    expect(read.seg.segments.map((s) => [s.name, s.trackingUid, s.voxels.length])).toEqual([
      ['Epidural C2', trackingUidFor(LESION_ID), counts[0]],
      ['Paraspinal', trackingUidFor(SECOND_LESION), counts[1]],
    ]);
    for (const s of read.seg.segments) for (const v of s.voxels) expect(labelmap[v]).toBe(s.number);
  });

  it('refuses, naming the file, a SEG of other images or of another size', () => {
    const other = readSegmentation(bytes, 'seg.dcm', { rows: ROWS, columns: COLUMNS, sliceOf: () => undefined });
    expect(other).toEqual({ ok: false, reason: expect.stringMatching(/^seg\.dcm refers to an image that is not in the open series/) });
    const size = readSegmentation(bytes, 'seg.dcm', { rows: 64, columns: COLUMNS, sliceOf });
    expect(size).toEqual({ ok: false, reason: expect.stringMatching(/^seg\.dcm is 40×32 but its series is 40×64/) });
    expect(readSegmentation(new ArrayBuffer(10), 'x.dcm', { rows: ROWS, columns: COLUMNS, sliceOf })).toEqual({ ok: false, reason: 'x.dcm could not be read as a DICOM file.' });
  });
});
