import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom, num, nums } from './readDicom';
import { listFiles, loadGroundTruth, SAMPLE_DIR } from './paths';

const DCMDUMP = '/usr/bin/dcmdump';
const hasDcmdump = existsSync(DCMDUMP);
if (!hasDcmdump) console.warn(`${DCMDUMP} not found: skipping the dcmdump checks (install dcmtk to run them)`);

const gt = loadGroundTruth();
const allSeries = Object.values(gt.timepoints).flatMap((t) => Object.entries(t.series));
const filesOf = (dir: string): string[] => listFiles(join(SAMPLE_DIR, dir)).map((f) => join(SAMPLE_DIR, dir, f));
const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/;

describe.each(allSeries)('series %s', (id, truth) => {
  const files = filesOf(truth.directory);
  const middle = files[Math.floor(files.length / 2)]!;

  it.skipIf(!hasDcmdump)('passes dcmdump without errors (first and middle image)', () => {
    for (const file of [files[0]!, middle]) {
      const run = spawnSync(DCMDUMP, ['-M', file], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^E:/m);
    }
  });

  it('is Part 10 with a preamble, file meta group and explicit VR little endian', () => {
    const { bytes, tags } = readDicom(middle);
    expect(bytes.subarray(0, 128).every((b) => b === 0)).toBe(true);
    expect(bytes.subarray(128, 132).toString('ascii')).toBe('DICM');
    expect(tags.TransferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(tags.MediaStorageSOPInstanceUID).toBe(tags.SOPInstanceUID);
    expect(tags.MediaStorageSOPClassUID).toBe(tags.SOPClassUID);
  });

  it('carries the expected geometry and identifiers in every image', () => {
    const study = Object.values(gt.timepoints).find((t) => id in t.series)!;
    const sopUids = new Set<string>();
    files.forEach((file, k) => {
      const { tags, pixels } = readDicom(file);
      expect(tags.Modality).toBe(truth.modality);
      expect(tags.SOPClassUID).toBe(truth.modality === 'CT' ? '1.2.840.10008.5.1.4.1.1.2' : '1.2.840.10008.5.1.4.1.1.4');
      expect(nums(tags.ImageOrientationPatient)).toEqual(truth.grid.imageOrientationPatient);
      expect(nums(tags.PixelSpacing)).toEqual(truth.grid.pixelSpacing);
      expect(num(tags.Rows)).toBe(truth.grid.rows);
      expect(num(tags.Columns)).toBe(truth.grid.columns);
      expect(num(tags.SliceThickness)).toBe(truth.grid.sliceThickness);
      expect(num(tags.InstanceNumber)).toBe(k + 1);
      expect(num(tags.BitsAllocated)).toBe(16);
      expect(num(tags.BitsStored)).toBe(12);
      expect(num(tags.PixelRepresentation)).toBe(0);
      expect(num(tags.SamplesPerPixel)).toBe(1);
      expect(tags.PhotometricInterpretation).toBe('MONOCHROME2');
      expect(tags.BodyPartExamined).toBe('CSPINE');
      expect(tags.Manufacturer).toBe('SpineLens Phantom');
      expect(pixels).toHaveLength(truth.grid.rows * truth.grid.columns);
      expect(tags.StudyInstanceUID).toBe(study.studyInstanceUID);
      expect(tags.StudyDate).toBe(study.studyDate);
      expect(tags.SeriesInstanceUID).toBe(truth.seriesInstanceUID);
      expect(tags.FrameOfReferenceUID).toBe(truth.frameOfReferenceUID);
      for (const uid of [tags.SOPInstanceUID, tags.SeriesInstanceUID, tags.StudyInstanceUID, tags.FrameOfReferenceUID]) {
        expect(uid).toMatch(UID);
        expect((uid as string).length).toBeLessThanOrEqual(64);
      }
      sopUids.add(tags.SOPInstanceUID as string);
      // Slices step evenly from the first to the last position in the ground truth.
      const t = files.length === 1 ? 0 : k / (files.length - 1);
      const expected = truth.grid.firstImagePosition.map((a, i) => a + t * (truth.grid.lastImagePosition[i]! - a));
      nums(tags.ImagePositionPatient).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 3));
    });
    expect(sopUids.size).toBe(files.length);
  });

  it('has modality-specific attributes', () => {
    const { tags } = readDicom(middle);
    if (truth.modality === 'CT') {
      expect(num(tags.RescaleIntercept)).toBe(-1024);
      expect(num(tags.RescaleSlope)).toBe(1);
      expect(nums(tags.WindowCenter)).toEqual([40, 500]);
      expect(nums(tags.WindowWidth)).toEqual([400, 2000]);
      expect(num(tags.KVP)).toBe(120);
    } else {
      expect(num(tags.SpacingBetweenSlices)).toBe(3);
      expect(num(tags.MagneticFieldStrength)).toBe(1.5);
      expect(num(tags.EchoTime)).toBeGreaterThan(0);
      expect(num(tags.RepetitionTime)).toBeGreaterThan(0);
    }
  });
});

describe('studies and frames of reference', () => {
  const { baseline, followup } = gt.timepoints;
  it('puts baseline CT and MR in one study and one frame of reference, the follow-up in its own', () => {
    const ct = readDicom(filesOf('baseline/ct')[0]!).tags;
    const mr = readDicom(filesOf('baseline/mr')[0]!).tags;
    const fu = readDicom(filesOf('followup/mr')[0]!).tags;
    expect(mr.StudyInstanceUID).toBe(ct.StudyInstanceUID);
    expect(mr.FrameOfReferenceUID).toBe(ct.FrameOfReferenceUID);
    expect(mr.SeriesInstanceUID).not.toBe(ct.SeriesInstanceUID);
    expect(fu.StudyInstanceUID).not.toBe(ct.StudyInstanceUID);
    expect(fu.FrameOfReferenceUID).not.toBe(ct.FrameOfReferenceUID);
    expect(fu.PatientID).toBe(ct.PatientID);
    expect(baseline.studyDate < followup.studyDate).toBe(true);
  });
});
