import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeasurementReport, writeMeasurementReport, type CaseContext } from '../../src/export';
import type { SpineLensState } from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import { dciodvfyErrors, hasTool } from '../deidentify/dicomTools';

const STUDY = '1.2.826.0.1.3680043.8.498.101';
const SERIES_MR = '1.2.826.0.1.3680043.8.498.102';
const SERIES_CT = '1.2.826.0.1.3680043.8.498.103';
const FRAME = '1.2.826.0.1.3680043.8.498.109';
const LESION = '3f1e0b0c-2a9d-4c55-9b8e-1d7a6c5b4e3f';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One of every kind, every optional field set, on two series of one frame of reference; two belong to no lesion. */
const measurements: Measurement[] = (() => {
  const base = (n: number, seriesKey: string, extra: Partial<Measurement> = {}) => ({
    id: uuid(n),
    studyInstanceUid: STUDY,
    seriesKey,
    frameOfReferenceUid: FRAME,
    createdAt: `2024-03-0${n}T08:1${n}:2${n}.${n}25Z`,
    label: `label ${n}: épidural`,
    lesionId: LESION,
    level: 'C3',
    viewPlaneNormal: [0.0871557, 0, 0.9961947] as [number, number, number],
    ...extra,
  });
  return [
    { ...base(1, SERIES_MR), kind: 'length', points: [[-12.25, 30.5, 101.125], [18.75, 41.0625, 98.5]], axis: 'ap' },
    { ...base(2, SERIES_MR), kind: 'bidirectional', long: [[0, 0, 0], [0, 24.4, 1.2]], short: [[-5.5, 12, 0.6], [5.25, 12.1, 0.6]], shortAxisSet: true },
    { ...base(3, SERIES_MR, { level: undefined }), kind: 'bidirectional', long: [[1, 2, 3], [31, 2, 3]], short: [[16, -8, 3], [16, 12, 3]], shortAxisSet: false },
    { ...base(4, SERIES_CT), kind: 'ellipse', points: [[-10, 0, 5], [10, 0, 5], [0, -5, 5], [0, 5, 5]], stats: { areaMm2: Math.PI * 50, mean: 43.25, sd: 3.5, min: -12, max: 160, unit: 'HU' } },
    { ...base(5, SERIES_MR), kind: 'freehand', points: [[0, 0, 7], [10, 0, 7], [12, 8, 7], [3, 11.5, 7], [-2, 6, 7]], stats: { areaMm2: 101.75, mean: 612.5, sd: 88.25, min: 301, max: 990, unit: '' } },
    { ...base(6, SERIES_CT), kind: 'probe', point: [4.5, -3.25, 12], value: 1187, unit: 'HU' },
    { ...base(7, SERIES_MR), kind: 'arrow', points: [[20, 20, 9], [8, 8, 9]], text: 'fracture line, posterior arch' },
    { ...base(8, SERIES_MR, { lesionId: undefined, label: '' }), kind: 'arrow', points: [[-20, 20, 9], [-8, 8, 9]], text: 'no lesion' },
    { ...base(9, SERIES_CT, { lesionId: undefined, level: undefined, viewPlaneNormal: undefined }), kind: 'length', points: [[0, 0, 0], [0, 0, 33.3]] },
  ].map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as unknown as Measurement);
})();

const state: SpineLensState = {
  version: 1,
  studiesKey: STUDY,
  lesions: [{ id: LESION, name: 'Lésion postérieure C3', level: 'C3', levelSource: 'user', site: 'osseous', notes: '', status: 'tracked', createdAt: '2024-03-01T08:00:00.000Z' }],
  measurements,
  labels: [],
  segmentationSummaries: [],
};
const context: CaseContext = {
  patientName: 'Doe^Jane',
  patientId: 'PID-0042',
  studies: [
    {
      studyInstanceUid: STUDY,
      date: '20240301',
      time: '081500',
      description: 'C-SPINE',
      series: [
        { seriesKey: SERIES_MR, seriesInstanceUid: SERIES_MR, modality: 'MR', description: 'T2 SAG' },
        { seriesKey: SERIES_CT, seriesInstanceUid: SERIES_CT, modality: 'CT', description: 'BONE' },
      ],
    },
  ],
};

/** Deep equality where numbers may differ by what DICOM keeps: SCOORD3D is float32, DS holds 16 characters. */
function expectSame(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), `${path} fields`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('DICOM SR round trip of every kind of measurement', () => {
  const bytes = writeMeasurementReport(state, context, context.studies[0]!, { seriesInstanceUid: '2.25.77', sopInstanceUid: '2.25.78', now: new Date('2024-05-01T12:00:00Z') });
  // The series comes back from the Series Instance UID the SR names (the frame of reference alone is shared by both).
  const read = readMeasurementReport(bytes, 'report.dcm', (_study, _frame, series) => (series === SERIES_MR || series === SERIES_CT ? series : 'unknown'));

  it('brings back every field of every measurement, arrows and their texts included', () => {
    if (!read.ok) throw new Error(read.reason);
    expect(read.report.measurements.map((m) => m.id).sort()).toEqual(measurements.map((m) => m.id).sort());
    for (const original of measurements) expectSame(read.report.measurements.find((m) => m.id === original.id), original, `${original.kind} ${original.id}`);
    expect(read.report.lesions.map((l) => [l.id, l.name, l.level])).toEqual([[LESION, 'Lésion postérieure C3', 'C3']]);
  });

  it.skipIf(!hasTool('dciodvfy'))('dciodvfy finds no error in the report with every kind', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spinelens-srall-')), 'all.dcm');
    writeFileSync(file, Buffer.from(bytes));
    expect(dciodvfyErrors(file)).toEqual([]);
  });
});
