import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeries, describeSeriesGeometry, parseInstance } from '../../src/dicom';
import type { InstanceMeta, ParseResult, SeriesNode } from '../../src/dicom/types';

const ROOT = path.resolve(__dirname, '../../../shared/dicom-real');
const present = existsSync(ROOT);
const title = present ? 'real DICOM files in ../shared/dicom-real' : '../shared/dicom-real not found: real-file tests skipped';

const NOT_DICOM = /(^|\/)(LICENSE|README|SOURCES)[^/]*$|\.(md|zip|txt)$/i;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

const cache = new Map<string, ParseResult>();
function parse(relative: string): ParseResult {
  let result = cache.get(relative);
  if (!result) {
    result = parseInstance(relative, new Uint8Array(readFileSync(path.join(ROOT, relative))));
    cache.set(relative, result);
  }
  return result;
}

function image(relative: string): InstanceMeta {
  const result = parse(relative);
  if (result.kind !== 'image') throw new Error(`${relative}: expected image, got ${result.kind}: ${result.reason}`);
  return result.instance;
}

function seriesOf(folder: string): SeriesNode[] {
  const files = walk(path.join(ROOT, folder)).map((f) => path.relative(ROOT, f));
  const instances = files.flatMap((f) => {
    const r = parse(f);
    return r.kind === 'image' ? [r.instance] : [];
  });
  return buildSeries(instances).flatMap((p) => p.studies.flatMap((s) => s.series));
}

const PYD = 'pydicom__pydicom/src/pydicom/data/test_files';
const PYDATA = 'pydicom__pydicom-data/data_store/data';
const CSP = 'cornerstonejs__dicomParser/testImages';

/** Expected outcome per notable file, checked against dcmdump where the file is odd. */
const EXPECTED: Record<string, ParseResult['kind']> = {
  [`${CSP}/CT1_UNC.explicit_little_endian.dcm`]: 'image',
  [`${CSP}/CT1_UNC.implicit_little_endian.dcm`]: 'image',
  [`${CSP}/CT1_UNC.explicit_big_endian.dcm`]: 'image',
  [`${CSP}/deflate/image_dfl`]: 'image',
  [`${CSP}/deflate/report_dfl`]: 'skipped', // Enhanced SR
  [`${CSP}/deflate/wave_dfl`]: 'skipped', // waveform
  [`${CSP}/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm`]: 'image',
  [`${PYD}/image_dfl.dcm`]: 'image',
  [`${PYD}/no_meta.dcm`]: 'image', // no preamble, no meta, one stray leading byte
  [`${PYD}/MR_truncated.dcm`]: 'problem', // Pixel Data says 8192 bytes, file ends sooner
  [`${PYD}/rtplan_truncated.dcm`]: 'problem', // RT Plan cut inside a sequence
  [`${PYD}/meta_missing_tsyntax.dcm`]: 'problem', // meta without (0002,0010); data set is one private sequence
  [`${PYD}/rtdose.dcm`]: 'image', // legacy multi-frame, 15 frames
  [`${PYD}/dicomdirtests/DICOMDIR`]: 'skipped',
  [`${PYD}/dicomdirtests/DICOMDIR-bigEnd`]: 'skipped',
  [`${PYD}/dicomdirtests/DICOMDIR-nooffset`]: 'skipped', // damaged, still recognised from the meta
  [`${PYD}/dicomdirtests/TINY_ALPHA/PT000000/ST000000/SE000000/IM000000`]: 'problem', // CT Image without Pixel Data
  [`${PYDATA}/OT-PAL-8-face.dcm`]: 'image', // implicit, no preamble
  [`${PYDATA}/HTJ2KLossless_08_RGB.dcm`]: 'image',
  [`${PYDATA}/liver_deflate.dcm`]: 'skipped', // Segmentation
  [`${PYDATA}/parametric_map_float.dcm`]: 'image', // Float Pixel Data (7FE0,0008)
  [`${PYDATA}/emri_small_jpeg_2k_lossless_too_short.dcm`]: 'image', // only the sequence delimiter is missing
  [`${PYDATA}/eCT_Supplemental.dcm`]: 'image',
  ['neurolabusc__dcm_qa_ct/In/Philips/S21570/S2010/DIRFILE']: 'skipped',
  ['neurolabusc__dcm_qa_12bit/In/12bitSigned_0x0F0F.dcm']: 'image',
  ['neurolabusc__dcm_qa_enh/In/Philips/IM_0027_fMAP.dcm']: 'image',
};

describe.skipIf(!present)(title, () => {
  const files = present ? walk(ROOT).map((f) => path.relative(ROOT, f)).filter((f) => !NOT_DICOM.test(f)) : [];

  it('finds the files SOURCES.md describes', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('parses every file into an image with sane size, or a skip/problem with a reason', () => {
    const bad: string[] = [];
    for (const file of files) {
      const result = parse(file);
      if (result.kind === 'image') {
        const m = result.instance;
        const sane =
          m.rows > 0 && m.rows <= 8192 && m.columns > 0 && m.columns <= 8192 && m.numberOfFrames >= 1 && m.frames.length === m.numberOfFrames && m.fileName === file;
        if (!sane) bad.push(`${file}: ${m.rows}x${m.columns}x${m.numberOfFrames}`);
      } else if (result.reason.trim() === '' || result.fileName !== file) {
        bad.push(`${file}: ${result.kind} without a reason`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('%s → %s', (file, kind) => {
    const result = parse(file);
    expect(result.kind, result.kind === 'image' ? '' : result.reason).toBe(kind);
  });

  it('reads CT1_UNC the same in explicit LE, implicit LE and big endian', () => {
    for (const variant of ['explicit_little_endian', 'implicit_little_endian', 'explicit_big_endian']) {
      const m = image(`${CSP}/CT1_UNC.${variant}.dcm`);
      expect([variant, m.rows, m.columns, m.pixelRepresentation, m.rescaleIntercept, m.rescaleSlope]).toEqual([variant, 512, 512, 1, -1024, 1]);
    }
    expect(image(`${CSP}/CT1_UNC.explicit_big_endian.dcm`).transferSyntaxUid).toBe('1.2.840.10008.1.2.2');
    expect(image(`${CSP}/CT1_UNC.implicit_little_endian.dcm`).transferSyntaxUid).toBe('1.2.840.10008.1.2');
  });

  it('reads no_meta.dcm (no preamble) like CT_small.dcm', () => {
    const raw = image(`${PYD}/no_meta.dcm`);
    const reference = image(`${PYD}/CT_small.dcm`);
    expect(raw.parseNotes?.[0]).toMatch(/^no preamble or file meta: read as 1\.2\.840\.10008\.1\.2\.1/);
    expect([raw.rows, raw.columns, raw.rescaleIntercept, raw.sopInstanceUid]).toEqual([128, 128, -1024, reference.sopInstanceUid]);
    expect(raw.frames).toEqual(reference.frames);
  });

  it('inflates the deflated image', () => {
    const m = image(`${PYD}/image_dfl.dcm`);
    expect([m.transferSyntaxUid, m.rows, m.columns, m.bitsAllocated]).toEqual(['1.2.840.10008.1.2.1.99', 512, 512, 8]);
  });

  it('explains the truncated MR with byte counts', () => {
    const result = parse(`${PYD}/MR_truncated.dcm`);
    expect(result.kind === 'problem' && result.reason).toBe(
      'truncated: file ends inside element (7FE0,0010) Pixel Data: expected 8192 bytes, found 8130 (MR Image object)',
    );
  });

  it('notes DICOMDIR and non-image objects in plain words', () => {
    const dir = parse(`${PYD}/dicomdirtests/DICOMDIR`);
    expect(dir.kind === 'skipped' && dir.reason).toBe('DICOMDIR index file: the images it lists are loaded from their own files');
    const sr = parse(`${CSP}/deflate/report_dfl`);
    expect(sr.kind === 'skipped' && sr.reason).toBe('no Pixel Data (7FE0,0010): Enhanced SR object');
  });

  it('keeps signed 12-bit pixels signed', () => {
    const m = image('neurolabusc__dcm_qa_12bit/In/12bitSigned_0x0F0F.dcm');
    expect([m.pixelRepresentation, m.bitsStored, m.highBit, m.bitsAllocated]).toEqual([1, 12, 11, 16]);
  });

  it('reads 64 per-frame positions from the enhanced Philips MR', () => {
    const m = image('neurolabusc__dcm_qa_enh/In/Philips/IM_0027_fMAP.dcm');
    expect(m.numberOfFrames).toBe(64);
    expect(m.frames).toHaveLength(64);
    expect(m.frames.every((f) => f.imagePositionPatient !== null && f.imageOrientationPatient !== null)).toBe(true);
    const zs = new Set(m.frames.map((f) => f.imagePositionPatient?.[2].toFixed(3)));
    expect(zs.size).toBe(32); // 32 slice positions, each twice (two image types)
    expect(m.frames[0]?.imagePositionPatient?.[2]).toBeCloseTo(-38.35459, 4);
    expect(m.frames[0]?.pixelSpacing).toEqual([4, 4]);
  });

  it('places the RT dose frames with the Grid Frame Offset Vector', () => {
    const m = image(`${PYD}/rtdose.dcm`);
    expect(m.frames.map((f) => f.imagePositionPatient?.[2])).toEqual(Array.from({ length: 15 }, (_, i) => -761.87 + 5 * i));
  });

  it('builds the CT phantom into one axial 28-slice volume at 5 mm, scout apart', () => {
    const series = seriesOf('neurolabusc__dcm_qa_ct/In/Philips/S21570');
    const axial = series.find((s) => s.frames.length === 28);
    expect(series.map((s) => s.frames.length).sort((a, b) => a - b)).toEqual([1, 28]);
    expect(axial?.geometry?.sliceSpacing?.toFixed(2)).toBe('5.00');
    expect(axial?.geometry?.isVolume).toBe(true);
    expect(axial?.geometry?.normal).toEqual([0, 0, 1]);
    expect(axial?.warnings).toEqual([]);
    expect(axial?.description).toBe('STD BRAIN 5MM');
    expect(axial && describeSeriesGeometry(axial)).toBe('axial, 28 slices, 512×512, pixels 0.45 × 0.45 mm, spacing 5.00 mm, volume');
    const zs = axial?.frames.map((f) => f.position?.[2]) ?? [];
    expect(zs[0]).toBeCloseTo(696.21, 2);
    expect(zs[27]).toBeCloseTo(831.21, 2);
    const scout = series.find((s) => s.frames.length === 1);
    expect(scout?.frames[0]?.instance.fileName).toBe('neurolabusc__dcm_qa_ct/In/Philips/S21570/S1000/I10');
    expect(scout?.seriesInstanceUid).not.toBe(axial?.seriesInstanceUid);
  });

  it('builds the sagittal MR into one 35-slice series at 4.8 mm (Slice Thickness says 4)', () => {
    const series = seriesOf('neurolabusc__dcm_qa_decubitus/In/HFS/3_t1_fl2d_sag');
    expect(series).toHaveLength(1);
    const [sag] = series;
    expect(sag?.frames).toHaveLength(35);
    expect(sag?.geometry?.sliceSpacing).toBeCloseTo(4.8, 4);
    expect(sag?.frames[0]?.instance.frames[0]?.sliceThickness).toBe(4);
    expect(sag?.geometry?.isVolume).toBe(true);
    expect(sag?.geometry?.uniform).toBe(true);
    expect(sag && describeSeriesGeometry(sag)).toBe('sagittal, 35 slices, 256×256, pixels 1.02 × 1.02 mm, spacing 4.80 mm, volume');
    const depths = sag?.frames.map((f) => f.position?.[0] ?? 0) ?? [];
    // Normal of this stack points to patient right (-x), so x falls along the sorted stack.
    expect(depths[0]).toBeCloseTo(81.6, 3);
    expect(depths[34]).toBeCloseTo(-81.6, 3);
  });
});
