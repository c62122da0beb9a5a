import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { createDeidentifySession } from '../../src/deidentify';
import { caseFile, idFromTrackingUid, readMeasurementReport, readSegmentation, teachingCaseEntries, trackingUidFor, writeMeasurementReport, writeSegmentation, type CaseContext } from '../../src/export';
import { zipArchive } from '../../src/features/export/zip/zipWriter';
import type { SpineLensState } from '../../src/lesions';
import { dciodvfyErrors, hasTool } from '../deidentify/dicomTools';

const SAMPLE = join(__dirname, '../../sample-dicom');
const truth = JSON.parse(readFileSync(join(SAMPLE, 'ground-truth.json'), 'utf8')) as {
  patient: { name: string; id: string; birthDate: string };
  timepoints: Record<string, { studyInstanceUID: string; studyDate: string; accessionNumber: string }>;
};
const LESION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const hasPython = spawnSync('python3', ['--version']).status === 0;

type Item = Record<string, unknown>;
const arrayOf = (b: Buffer): ArrayBuffer => new Uint8Array(b).buffer;
const header = (bytes: Buffer): Item => dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(arrayOf(bytes)).dict) as Item;

/** The baseline MR of the sample, slices sorted along the normal by Image Position (Patient). */
const mrFiles = readdirSync(join(SAMPLE, 'baseline/mr')).map((name) => ({ name, bytes: readFileSync(join(SAMPLE, 'baseline/mr', name)) }));
const mr = mrFiles.map((f) => ({ ...f, ds: header(f.bytes) }));
const first = mr[0]!.ds;
const iop = (first['ImageOrientationPatient'] as number[]).map(Number);
const normal = [iop[1]! * iop[5]! - iop[2]! * iop[4]!, iop[2]! * iop[3]! - iop[0]! * iop[5]!, iop[0]! * iop[4]! - iop[1]! * iop[3]!];
const depth = (ds: Item) => (ds['ImagePositionPatient'] as number[]).reduce((sum, v, a) => sum + Number(v) * normal[a]!, 0);
mr.sort((a, b) => depth(a.ds) - depth(b.ds));
const [ROWS, COLUMNS, SLICES] = [Number(first['Rows']), Number(first['Columns']), mr.length];
const spacing = (first['PixelSpacing'] as number[]).map(Number) as [number, number];

/** A ball of radius 8 voxels in the middle of the series: its voxel count is the truth the SEG must keep. */
const labelmap = new Uint8Array(ROWS * COLUMNS * SLICES);
let ballVoxels = 0;
for (let k = 0; k < SLICES; k++)
  for (let j = 0; j < ROWS; j++)
    for (let i = 0; i < COLUMNS; i++)
      if (Math.hypot(i - COLUMNS / 2, j - ROWS / 2, (k - SLICES / 2) * 4) <= 8) {
        labelmap[i + j * COLUMNS + k * ROWS * COLUMNS] = 1;
        ballVoxels++;
      }

const studyUid = String(first['StudyInstanceUID']);
const context: CaseContext = {
  patientName: truth.patient.name,
  patientId: truth.patient.id,
  studies: [{ studyInstanceUid: studyUid, date: String(first['StudyDate']), time: String(first['StudyTime'] ?? ''), description: 'baseline', series: [{ seriesKey: String(first['SeriesInstanceUID']), seriesInstanceUid: String(first['SeriesInstanceUID']), modality: 'MR', description: 'SAG T2' }] }],
};
const state: SpineLensState = {
  version: 1,
  studiesKey: studyUid,
  lesions: [{ id: LESION, name: 'Epidural C2', level: 'C2-3', levelSource: 'user', site: 'epidural', notes: '', status: 'tracked', createdAt: '2026-01-05T10:00:00.000Z' }],
  measurements: [
    {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'length',
      studyInstanceUid: studyUid,
      seriesKey: String(first['SeriesInstanceUID']),
      frameOfReferenceUid: String(first['FrameOfReferenceUID']),
      createdAt: '2026-01-05T10:00:00.000Z',
      label: '',
      lesionId: LESION,
      points: [(first['ImagePositionPatient'] as number[]).map(Number) as [number, number, number], [0, 0, 0]],
    },
  ],
  labels: [],
  segmentationSummaries: [{ lesionId: LESION, studyInstanceUid: studyUid, seriesKey: String(first['SeriesInstanceUID']), volumeMm3: 1000, voxelCount: ballVoxels, voxelVolumeMm3: 1, longestDiameterMm: 16, perpendicularDiameterMm: 16 }],
};
const ids = (n: number) => ({ seriesInstanceUid: `2.25.9${n}1`, sopInstanceUid: `2.25.9${n}2`, now: new Date('2026-01-05T12:00:00Z') });
const seg = writeSegmentation({
  context,
  study: context.studies[0]!,
  source: {
    seriesInstanceUid: String(first['SeriesInstanceUID']),
    frameOfReferenceUid: String(first['FrameOfReferenceUID']),
    rows: ROWS,
    columns: COLUMNS,
    pixelSpacing: spacing,
    sliceSpacing: Math.abs(depth(mr[1]!.ds) - depth(mr[0]!.ds)),
    rowCosines: [iop[0]!, iop[1]!, iop[2]!],
    columnCosines: [iop[3]!, iop[4]!, iop[5]!],
    slices: mr.map((f) => ({ sopInstanceUid: String(f.ds['SOPInstanceUID']), sopClassUid: String(f.ds['SOPClassUID']), position: (f.ds['ImagePositionPatient'] as number[]).map(Number) as [number, number, number] })),
  },
  labelmap,
  segments: [{ label: 1, name: 'Epidural C2', trackingUid: trackingUidFor(LESION) }],
  ids: ids(1),
})!;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

/** One attribute at every nesting level, as dcmtk (an independent reader) prints it. */
const dcmtkValues = (file: string, keyword: string): string[] =>
  [...execFileSync('dcmdump', ['-q', '+P', keyword, file], { encoding: 'utf8' }).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);

describe.skipIf(!hasPython || !hasTool('dcmdump'))('teaching case zip with the segmentation', async () => {
  const { entries, written } = await teachingCaseEntries(
    {
      images: mr.map((f) => ({ fileName: f.name, studyInstanceUid: studyUid, seriesInstanceUid: String(f.ds['SeriesInstanceUID']), read: () => Promise.resolve(arrayOf(f.bytes)) })),
      reports: [{ studyIndex: 1, bytes: writeMeasurementReport(state, context, context.studies[0]!, ids(2)) }],
      segmentations: [{ studyIndex: 1, bytes: seg }],
      caseFile: caseFile(state, context, new Date(0)),
    },
    createDeidentifySession(),
    false,
  );
  const dir = mkdtempSync(join(tmpdir(), 'spinelens-teachingseg-'));
  const zip = join(dir, 'case.zip');
  writeFileSync(zip, Buffer.concat(zipArchive(entries)));
  const out = join(dir, 'out');
  execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', zip, out]);
  const files = walk(out);
  const segFiles = files.filter((f) => f.includes('/seg/'));
  const imageFiles = files.filter((f) => /\/series\d+\/IM\d+\.dcm$/.test(f));

  it('holds every image and one SEG, de-identified', () => {
    expect(written).toBe(SLICES);
    expect(imageFiles).toHaveLength(SLICES);
    expect(segFiles.map((f) => relative(out, f))).toEqual(['dicom/study1/seg/segmentation1.dcm']);
    expect(dcmtkValues(segFiles[0]!, 'PatientIdentityRemoved')).toEqual(['YES']);
  });

  it('every image the SEG refers to is in the zip, in the same study, series and frame of reference', () => {
    const images = imageFiles.map((f) => ({ sop: dcmtkValues(f, 'SOPInstanceUID')[0]!, series: dcmtkValues(f, 'SeriesInstanceUID')[0]!, study: dcmtkValues(f, 'StudyInstanceUID')[0]!, frame: dcmtkValues(f, 'FrameOfReferenceUID')[0]! }));
    const sops = new Set(images.map((i) => i.sop));
    const referenced = dcmtkValues(segFiles[0]!, 'ReferencedSOPInstanceUID');
    // Each frame's source image, and the series' list of instances.
    expect(referenced.length).toBeGreaterThan(SLICES);
    for (const uid of referenced) expect(sops.has(uid), `${uid} is among the zip's images`).toBe(true);
    const segSeriesRefs = dcmtkValues(segFiles[0]!, 'SeriesInstanceUID');
    expect(segSeriesRefs).toContain(images[0]!.series);
    expect(dcmtkValues(segFiles[0]!, 'StudyInstanceUID')).toEqual([images[0]!.study]);
    expect(dcmtkValues(segFiles[0]!, 'FrameOfReferenceUID')).toEqual([images[0]!.frame]);
  });

  it('laid on the de-identified images, the SEG has the ball\'s voxels, no more, no fewer', () => {
    const sorted = imageFiles.map((f) => header(readFileSync(f))).sort((a, b) => depth(a) - depth(b));
    const sliceOf = (uid: string) => {
      const k = sorted.findIndex((ds) => ds['SOPInstanceUID'] === uid);
      return k >= 0 ? k : undefined;
    };
    const read = readSegmentation(arrayOf(readFileSync(segFiles[0]!)), 'segmentation1.dcm', { rows: ROWS, columns: COLUMNS, sliceOf });
    if (!read.ok) throw new Error(read.reason);
    expect(read.seg.segments.map((s) => [s.name, s.voxels.length])).toEqual([['Epidural C2', ballVoxels]]);
    for (const v of read.seg.segments[0]!.voxels) expect(labelmap[v]).toBe(1);
  });

  it('no identifying value of the input remains in any file: names, IDs, dates, study, series and image UIDs', () => {
    const secrets = [
      truth.patient.name,
      truth.patient.id,
      truth.patient.birthDate,
      ...Object.values(truth.timepoints).flatMap((t) => [t.studyInstanceUID, t.studyDate, t.accessionNumber]),
      String(first['SeriesInstanceUID']),
      String(first['FrameOfReferenceUID']),
      ...mr.map((f) => String(f.ds['SOPInstanceUID'])),
    ];
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${relative(out, file)} holds ${secret}`).toBe(false);
    }
  });

  it('the SR, the SEG and case.json name the lesion and its measurement alike (their remapped tracking and observation UIDs)', () => {
    const report = readMeasurementReport(arrayOf(readFileSync(files.find((f) => f.includes('/sr/'))!)), 'measurements.dcm', () => '');
    if (!report.ok) throw new Error(report.reason);
    const teachingCase = JSON.parse(readFileSync(join(out, 'case.json'), 'utf8')) as { state: { lesions: { id: string }[]; measurements: { id: string; lesionId: string }[]; segmentationSummaries: { lesionId: string }[] } };
    const lesionId = report.report.lesions[0]!.id;
    expect(lesionId).not.toBe(LESION);
    expect(idFromTrackingUid(dcmtkValues(segFiles[0]!, 'TrackingUID')[0]!)).toBe(lesionId);
    expect(teachingCase.state.lesions.map((l) => l.id)).toEqual([lesionId]);
    expect(teachingCase.state.segmentationSummaries.map((s) => s.lesionId)).toEqual([lesionId]);
    expect(teachingCase.state.measurements.map((m) => [m.id, m.lesionId])).toEqual(report.report.measurements.map((m) => [m.id, m.lesionId]));
  });

  it.skipIf(!hasTool('dciodvfy'))('dciodvfy finds no error in the de-identified SEG', () => {
    expect(dciodvfyErrors(segFiles[0]!)).toEqual([]);
  });
});
