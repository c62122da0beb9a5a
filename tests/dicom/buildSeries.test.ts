import { describe, expect, it } from 'vitest';
import { buildSeries } from '../../src/dicom';
import type { InstanceMeta, SeriesNode } from '../../src/dicom/types';
import { dot } from '../../src/geometry/vec3';
import { AXIAL, CORONAL, SAGITTAL, frameAt, makeInstance, makeStack, normalOf, shuffle } from './factory';

function onlySeries(instances: InstanceMeta[]): SeriesNode[] {
  const patients = buildSeries(instances);
  expect(patients).toHaveLength(1);
  const studies = patients[0]?.studies ?? [];
  expect(studies).toHaveLength(1);
  return studies[0]?.series ?? [];
}

describe('buildSeries: grouping and ordering', () => {
  it('groups by patient, study and series and sorts studies by date then time', () => {
    const later = makeStack({ count: 3, overrides: { studyInstanceUid: 'S-later', studyDate: '20260301', studyTime: '080000', seriesInstanceUid: 'A' } });
    const sameDayLate = makeStack({ count: 3, overrides: { studyInstanceUid: 'S-pm', studyDate: '20250105', studyTime: '170000', seriesInstanceUid: 'B' } });
    const sameDayEarly = makeStack({ count: 3, overrides: { studyInstanceUid: 'S-am', studyDate: '20250105', studyTime: '073000', seriesInstanceUid: 'C' } });
    const other = makeStack({ count: 2, overrides: { patientId: 'P2', patientName: 'ROE^RICHARD', studyInstanceUid: 'S-other', seriesInstanceUid: 'D' } });
    const patients = buildSeries(shuffle([...later, ...sameDayLate, ...sameDayEarly, ...other]));

    expect(patients.map((p) => p.patientId)).toEqual(['P1', 'P2']);
    const jane = patients[0];
    expect(jane?.studies.map((s) => s.studyInstanceUid)).toEqual(['S-am', 'S-pm', 'S-later']);
    expect(jane?.studies.map((s) => s.series.map((n) => n.frames.length))).toEqual([[3], [3], [3]]);
    expect(jane?.birthDate).toBe('19600101');
    expect(patients[1]?.studies[0]?.series[0]?.frames).toHaveLength(2);
  });

  it('orders series by series number, then keeps split parts together', () => {
    const s3 = makeStack({ count: 3, overrides: { seriesInstanceUid: 'S3', seriesNumber: 3 } });
    const s1 = makeStack({ count: 3, overrides: { seriesInstanceUid: 'S1', seriesNumber: 1 } });
    const noNumber = makeStack({ count: 3, overrides: { seriesInstanceUid: 'S0', seriesNumber: null } });
    const series = onlySeries([...s3, ...noNumber, ...s1]);
    expect(series.map((s) => s.key)).toEqual(['S1', 'S3', 'S0']);
    expect(series[0]?.description).toBe('AXIAL 5MM');
    expect(series[0]?.modality).toBe('CT');
    expect(series[0]?.rows).toBe(512);
  });

  it('ignores a file loaded twice (same SOP Instance UID) and says so', () => {
    const stack = makeStack({ count: 4 });
    const copy = { ...stack[1], fileName: 'copy.dcm' } as InstanceMeta;
    const [series] = onlySeries([...stack, copy]);
    expect(series?.frames).toHaveLength(4);
    expect(series?.warnings).toContain('1 image ignored: same SOP Instance UID as another file (copy.dcm)');
  });
});

describe('buildSeries: sorting and spacing', () => {
  it('sorts shuffled slices along an oblique normal and measures spacing from positions', () => {
    // Rows 20° off the x axis in the axial plane, columns head to foot: an oblique sagittal/coronal plane.
    const iop = [Math.cos(Math.PI / 9), Math.sin(Math.PI / 9), 0, 0, 0, -1] as const;
    const stack = makeStack({ count: 12, orientation: iop, origin: [10, -20, 30], spacing: 3.3 });
    // Instance numbers deliberately unrelated to position.
    const scrambled = shuffle(stack).map((inst, i) => ({ ...inst, instanceNumber: 100 - i * 7 }));
    const [series] = onlySeries(scrambled);
    const normal = normalOf(iop);
    const depths = (series?.frames ?? []).map((f) => dot(f.position ?? [0, 0, 0], normal));
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(depths[0]).toBeCloseTo(dot([10, -20, 30], normal), 6);
    expect(series?.geometry?.sliceSpacing).toBeCloseTo(3.3, 6);
    expect(series?.geometry?.uniform).toBe(true);
    expect(series?.geometry?.isVolume).toBe(true);
    expect(series?.geometry?.origin).toEqual(series?.frames[0]?.position);
    expect(series?.warnings).toEqual([]);
  });

  it('uses Image Position, not a lying Slice Thickness', () => {
    const [series] = onlySeries(makeStack({ count: 10, spacing: 4, sliceThickness: 3 }));
    expect(series?.geometry?.sliceSpacing).toBeCloseTo(4, 9);
    expect(series?.frames[0]?.instance.frames[0]?.sliceThickness).toBe(3);
  });

  it('warns about a gap with the numbers and drops isVolume', () => {
    const depths = Array.from({ length: 20 }, (_, i) => i * 5).filter((d) => d !== 60);
    const [series] = onlySeries(makeStack({ count: 19, depths }));
    expect(series?.frames).toHaveLength(19);
    expect(series?.geometry?.sliceSpacing).toBe(5);
    expect(series?.warnings).toContain('gap of 10.0 mm between slices 12 and 13 where spacing is 5.0 mm: 1 slice missing?');
    expect(series?.geometry?.uniform).toBe(false);
    expect(series?.geometry?.isVolume).toBe(false);
  });

  it('counts several missing slices in one gap', () => {
    const depths = [0, 2, 4, 6, 14, 16, 18];
    const [series] = onlySeries(makeStack({ count: 7, depths }));
    expect(series?.warnings).toContain('gap of 8.0 mm between slices 4 and 5 where spacing is 2.0 mm: 3 slices missing?');
  });

  it('keeps a mildly uneven stack as a volume, with the range in the warning', () => {
    const depths = [0, 5, 10.2, 15.2, 20.4, 25.4];
    const [series] = onlySeries(makeStack({ count: 6, depths }));
    const warning = series?.warnings.find((w) => w.startsWith('uneven slice spacing'));
    expect(warning).toBe('uneven slice spacing: steps range from 5.00 to 5.20 mm (median 5.00 mm): MPR may be slightly distorted');
    expect(series?.geometry?.uniform).toBe(false);
    expect(series?.geometry?.isVolume).toBe(true);
  });

  it('refuses a strongly uneven stack as a volume', () => {
    const depths = [0, 4, 10, 14, 20, 24];
    const [series] = onlySeries(makeStack({ count: 6, depths }));
    expect(series?.warnings).toContain('uneven slice spacing: steps range from 4.00 to 6.00 mm (median 4.00 mm): not usable as a volume');
    expect(series?.geometry?.isVolume).toBe(false);
  });

  it('treats 0.005 mm of jitter as uniform', () => {
    const depths = [0, 1.0, 2.005, 3.0, 4.0, 5.004];
    const [series] = onlySeries(makeStack({ count: 6, depths }));
    expect(series?.geometry?.uniform).toBe(true);
    expect(series?.warnings).toEqual([]);
  });

  it('refuses a sheared stack (gantry tilt) as a volume', () => {
    // Axial planes, but each slice shifts 1 mm in y per 5 mm in z: 11.3° of shear.
    const stack = makeStack({ count: 8 }).map((inst, i) => ({ ...inst, frames: [frameAt([0, i, i * 5])] }));
    const [series] = onlySeries(stack);
    expect(series?.geometry?.sliceSpacing).toBe(5);
    expect(series?.geometry?.isVolume).toBe(false);
    expect(series?.warnings).toContain('slices drift sideways by 11.3° from the slice normal (e.g. gantry tilt): not usable as a volume');
  });

  it('gives one frame no spacing and no volume; two frames a spacing but no volume', () => {
    const [single] = onlySeries(makeStack({ count: 1 }));
    expect(single?.geometry?.sliceSpacing).toBeNull();
    expect(single?.geometry?.isVolume).toBe(false);
    const [pair] = onlySeries(makeStack({ count: 2, spacing: 7, overrides: { seriesInstanceUid: 'pair' } }));
    expect(pair?.geometry?.sliceSpacing).toBe(7);
    expect(pair?.geometry?.isVolume).toBe(false);
  });

  it('sorts by instance number and has no geometry when positions are missing', () => {
    const images = [3, 1, 2].map((n) => makeInstance({ instanceNumber: n, frames: [frameAt(null, null)] }));
    const [series] = onlySeries(images);
    expect(series?.frames.map((f) => f.instance.instanceNumber)).toEqual([1, 2, 3]);
    expect(series?.geometry).toBeNull();
    expect(series?.warnings).toEqual(['no Image Position/Orientation on every image: sorted by instance number, no 3D geometry']);
  });

  it('gives row/column cosines and pixel spacing of the stack', () => {
    const [series] = onlySeries(makeStack({ count: 3, orientation: SAGITTAL }));
    expect(series?.geometry?.rowCosines).toEqual([0, 1, 0]);
    expect(series?.geometry?.columnCosines).toEqual([0, 0, -1]);
    expect(series?.geometry?.normal).toEqual([-1, 0, 0]);
    expect(series?.geometry?.pixelSpacing).toEqual([0.5, 0.5]);
  });
});

describe('buildSeries: multi-frame', () => {
  it('expands an enhanced multi-frame instance into frames sorted along the normal', () => {
    const depths = [20, 0, 10, 30, 40];
    const instance = makeInstance({
      numberOfFrames: 5,
      frames: depths.map((z) => frameAt([0, 0, z])),
      sopClassUid: '1.2.840.10008.5.1.4.1.1.4.1',
      modality: 'MR',
    });
    const [series] = onlySeries([instance]);
    expect(series?.frames.map((f) => f.frameIndex)).toEqual([1, 2, 0, 3, 4]);
    expect(series?.frames.every((f) => f.instance === instance)).toBe(true);
    expect(series?.geometry?.sliceSpacing).toBe(10);
    expect(series?.geometry?.isVolume).toBe(true);
  });

  it('keeps a cine (frames without positions) in frame order without geometry', () => {
    const instance = makeInstance({ numberOfFrames: 4, frames: [0, 1, 2, 3].map(() => frameAt(null, AXIAL)) });
    const [series] = onlySeries([instance]);
    expect(series?.frames.map((f) => f.frameIndex)).toEqual([0, 1, 2, 3]);
    expect(series?.geometry).toBeNull();
  });
});

describe('buildSeries: splitting mixed series', () => {
  it('splits by orientation and says how', () => {
    const axial = makeStack({ count: 20, orientation: AXIAL });
    const sagittal = makeStack({ count: 3, orientation: SAGITTAL, firstInstanceNumber: 21, origin: [-10, 0, 0] });
    const series = onlySeries(shuffle([...axial, ...sagittal]));
    expect(series.map((s) => s.key)).toEqual(['1.2.3.200|axial', '1.2.3.200|sagittal']);
    expect(series.map((s) => s.frames.length)).toEqual([20, 3]);
    for (const node of series) {
      expect(node.splitFrom).toBe('1.2.3.200');
      expect(node.seriesInstanceUid).toBe('1.2.3.200');
      expect(node.warnings).toContain('split: 2 orientations (axial 20 images, sagittal 3 images)');
    }
    expect(series[1]?.splitLabel).toBe('sagittal');
    expect(series[1]?.geometry?.isVolume).toBe(true);
  });

  it('does not split on orientation noise below the tolerance', () => {
    const stack = makeStack({ count: 6 }).map((inst, i) => ({
      ...inst,
      frames: [frameAt([0, 0, i * 5], [1, 0, i * 1e-4, 0, 1, 0])],
    }));
    const series = onlySeries(stack);
    expect(series).toHaveLength(1);
    expect(series[0]?.splitFrom).toBeUndefined();
  });

  it('splits two stacks of the same plane label at different angles', () => {
    const straight = makeStack({ count: 5, orientation: CORONAL });
    const t = (10 * Math.PI) / 180;
    const tilted = makeStack({ count: 5, orientation: [Math.cos(t), Math.sin(t), 0, 0, 0, -1], firstInstanceNumber: 6 });
    const series = onlySeries([...straight, ...tilted]);
    expect(series.map((s) => s.key)).toEqual(['1.2.3.200|coronal', '1.2.3.200|coronal-2']);
    expect(series[0]?.warnings).toContain('split: 2 orientations (coronal 5 images, coronal 2 5 images)');
  });

  it('splits by image size', () => {
    const big = makeStack({ count: 10 });
    const small = makeStack({ count: 1, overrides: { rows: 256, columns: 512 }, firstInstanceNumber: 11 });
    const series = onlySeries([...big, ...small]);
    expect(series.map((s) => `${s.columns}x${s.rows}:${s.frames.length}`)).toEqual(['512x512:10', '512x256:1']);
    expect(series[1]?.key).toBe('1.2.3.200|512x256');
    expect(series[0]?.warnings).toContain('split: 2 image sizes (512×512 10 images, 512×256 1 image)');
  });

  it('keeps a localizer apart even when it shares the orientation', () => {
    const stack = makeStack({ count: 8 });
    const scout = makeInstance({ instanceNumber: 0, imageType: ['ORIGINAL', 'PRIMARY', 'LOCALIZER'], frames: [frameAt([0, 0, 12])] });
    const series = onlySeries([scout, ...stack]);
    expect(series.map((s) => s.key)).toEqual(['1.2.3.200|main', '1.2.3.200|localizer']);
    expect(series[1]?.frames).toHaveLength(1);
    expect(series[0]?.geometry?.isVolume).toBe(true);
    expect(series[0]?.warnings[0]).toBe('split: 2 kinds of image (other 8 images, localizer 1 image): localizer images kept apart');
  });

  it('splits a scout with another orientation out of a CT series', () => {
    const stack = makeStack({ count: 28 });
    const scout = makeInstance({ instanceNumber: 1, rows: 512, columns: 512, frames: [frameAt([0, -100, 300], CORONAL)], imageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'] });
    const series = onlySeries([...stack, scout]);
    expect(series.map((s) => [s.splitLabel, s.frames.length])).toEqual([['axial', 28], ['coronal', 1]]);
    expect(series[0]?.geometry?.sliceSpacing).toBe(5);
  });

  it('splits acquisitions that repeat the same positions', () => {
    const first = makeStack({ count: 5, overrides: { acquisitionNumber: 1 } });
    const second = makeStack({ count: 5, firstInstanceNumber: 6, overrides: { acquisitionNumber: 2 } });
    const series = onlySeries(shuffle([...first, ...second]));
    expect(series.map((s) => s.key)).toEqual(['1.2.3.200|acq1', '1.2.3.200|acq2']);
    expect(series.map((s) => s.frames.map((f) => f.instance.acquisitionNumber))).toEqual([[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]]);
    expect(series[0]?.warnings).toContain(
      'split: 2 acquisitions (acquisition 1 5 images, acquisition 2 5 images): their images share slice positions',
    );
    expect(series.every((s) => s.geometry?.isVolume)).toBe(true);
  });

  it('does not split acquisitions that tile distinct positions', () => {
    const stack = makeStack({ count: 6 }).map((inst, i) => ({ ...inst, acquisitionNumber: i + 1 }));
    const series = onlySeries(stack);
    expect(series).toHaveLength(1);
    expect(series[0]?.geometry?.isVolume).toBe(true);
  });

  it('splits echoes by echo number', () => {
    const echo1 = makeStack({ count: 4, overrides: { echoNumber: 1 } });
    const echo2 = makeStack({ count: 4, firstInstanceNumber: 5, overrides: { echoNumber: 2 } });
    const series = onlySeries([...echo2, ...echo1]);
    expect(series.map((s) => s.splitLabel).sort()).toEqual(['echo 1', 'echo 2']);
  });

  it('splits repeated positions without a telling attribute by occurrence', () => {
    const pairs = makeStack({ count: 6 }).flatMap((inst, i) => [
      { ...inst, instanceNumber: 2 * i + 1 },
      { ...inst, sopInstanceUid: `${inst.sopInstanceUid}.2`, fileName: `b${i}.dcm`, instanceNumber: 2 * i + 2 },
    ]);
    const series = onlySeries(pairs);
    expect(series.map((s) => [s.key, s.frames.length])).toEqual([
      ['1.2.3.200|rep1', 6],
      ['1.2.3.200|rep2', 6],
    ]);
    expect(series[0]?.frames.map((f) => f.instance.instanceNumber)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(series[1]?.warnings).toContain(
      'split: 2 repeats (repeat 1 6 images, repeat 2 6 images): several images share each of 6 positions, e.g. echoes or repeated scans',
    );
  });
});

describe('buildSeries: spacing that changes along a series', () => {
  it('reports 4 mm then 7 mm as a change of spacing, not as missing slices', () => {
    // 21 slices 4 mm apart (0..80), then 10 more 7 mm apart (87..150).
    const depths = [...Array.from({ length: 21 }, (_, i) => i * 4), ...Array.from({ length: 10 }, (_, i) => 80 + (i + 1) * 7)];
    const [series] = onlySeries(makeStack({ count: depths.length, depths }));
    expect(series?.frames).toHaveLength(31);
    expect(series?.warnings).toEqual(['spacing changes along the series: 4.0 mm for 21 slices, then 7.0 mm for 10 slices: not usable as a volume']);
    expect(series?.geometry?.sliceSpacing).toBeNull();
    expect(series?.geometry?.isVolume).toBe(false);
    expect(series?.geometry?.uniform).toBe(false);
  });

  it('gives a spacing its second decimal when it has one', () => {
    const depths = [...Array.from({ length: 10 }, (_, i) => i * 1.25), ...Array.from({ length: 10 }, (_, i) => 11.25 + (i + 1) * 2.5)];
    const [series] = onlySeries(makeStack({ count: depths.length, depths }));
    expect(series?.warnings[0]).toBe('spacing changes along the series: 1.25 mm for 10 slices, then 2.5 mm for 10 slices: not usable as a volume');
  });

  it('still names a gap inside a part of a series whose spacing changes', () => {
    // 3 mm for 6 slices, one slice missing at 9 mm, then 5 mm for 5 slices.
    const depths = [0, 3, 6, 12, 15, 18, 23, 28, 33, 38];
    const [series] = onlySeries(makeStack({ count: depths.length, depths }));
    expect(series?.warnings).toContain('gap of 6.0 mm between slices 3 and 4 where spacing is 3.0 mm: 1 slice missing?');
    expect(series?.warnings.some((w) => w.startsWith('spacing changes along the series: 3.0 mm for 6 slices, then 5.0 mm for 4 slices'))).toBe(true);
  });
});

describe('buildSeries: repeated positions counted exactly', () => {
  it('says how many positions are shared when only some are', () => {
    // 10 positions; the images at 2 of them were sent twice with new UIDs (no acquisition or echo to tell them apart).
    const stack = makeStack({ count: 10, spacing: 5, overrides: { seriesInstanceUid: 'dup' } });
    const repeats = [stack[3]!, stack[7]!].map((inst, i) => ({ ...inst, sopInstanceUid: `repeat-${i}`, fileName: `repeat-${i}.dcm`, instanceNumber: 100 + i }));
    const nodes = buildSeries([...stack, ...repeats])[0]!.studies[0]!.series;
    expect(nodes.map((n) => n.frames.length)).toEqual([10, 2]);
    expect(nodes[0]!.warnings[0]).toBe('split: 2 repeats (repeat 1 10 images, repeat 2 2 images): several images share 2 of 10 positions, e.g. echoes or repeated scans');
  });
});

describe('buildSeries: series without a Series Instance UID', () => {
  it('keys it by what its images say, with a note, so it can be shown', () => {
    const t2 = makeStack({ count: 4, spacing: 5, overrides: { seriesInstanceUid: '', seriesNumber: 3, seriesDescription: 'T2' } });
    const t1 = makeStack({ count: 3, spacing: 5, overrides: { seriesInstanceUid: '', seriesNumber: 4, seriesDescription: 'T1' } });
    const series = buildSeries([...t2, ...t1])[0]!.studies[0]!.series;
    expect(series.map((s) => [s.description, s.frames.length])).toEqual([['T2', 4], ['T1', 3]]);
    for (const s of series) {
      expect(s.key).not.toBe('');
      expect(s.seriesInstanceUid).toBe('');
      expect(s.warnings[0]).toBe('no Series Instance UID (0020,000E): images grouped by modality, series number and description');
    }
    expect(new Set(series.map((s) => s.key)).size).toBe(2);
  });
});
