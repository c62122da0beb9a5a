import { describe, expect, it } from 'vitest';
import { decodeRle, encodeRle } from '../../src/segment/core';
import { readSavedSegmentation, SEGMENTATION_RECORD_VERSION } from '../../src/features/segmentation/savedSegmentationRecord';

/** A 6×5×4 grid with a 2×2×2 cube of label 1 (8 voxels): the truth the record must give back. */
const DIMENSIONS: [number, number, number] = [6, 5, 4];
function cubeMask(): Uint8Array {
  const [x, y] = DIMENSIONS;
  const mask = new Uint8Array(DIMENSIONS[0] * DIMENSIONS[1] * DIMENSIONS[2]);
  for (let k = 1; k <= 2; k++) for (let j = 1; j <= 2; j++) for (let i = 2; i <= 3; i++) mask[i + x * (j + y * k)] = 1;
  return mask;
}

/** A record as saved before versioning (today's IndexedDB records: no recordVersion). */
const version1 = () => ({
  studiesKey: '1.2.3',
  seriesKey: '1.2.3.4',
  lesionId: 'lesion-a',
  dimensions: DIMENSIONS,
  rle: encodeRle(cubeMask()),
  savedAt: '2026-03-01T10:00:00.000Z',
});

describe('saved labelmaps: versioned, validated at load, unreadable ones reported', () => {
  it('migrates a version-1 record to the current version with the same voxels', () => {
    const reading = readSavedSegmentation(version1());
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.record.recordVersion).toBe(SEGMENTATION_RECORD_VERSION);
    expect(reading.record).toMatchObject({ studiesKey: '1.2.3', seriesKey: '1.2.3.4', lesionId: 'lesion-a', savedAt: '2026-03-01T10:00:00.000Z' });
    const voxels = decodeRle(reading.record.rle);
    expect(voxels.reduce((n, v) => n + v, 0)).toBe(8);
    expect(voxels).toEqual(cubeMask());
  });

  it('reads a current record as written', () => {
    const current = { ...version1(), recordVersion: SEGMENTATION_RECORD_VERSION };
    expect(readSavedSegmentation(current)).toEqual({ ok: true, record: current });
  });

  it('refuses a record of a newer format, saying so', () => {
    const reading = readSavedSegmentation({ ...version1(), recordVersion: SEGMENTATION_RECORD_VERSION + 1 });
    expect(reading).toEqual({ ok: false, reason: expect.stringContaining(`format ${SEGMENTATION_RECORD_VERSION + 1}`) });
  });

  it('refuses a labelmap whose voxel count is not its grid', () => {
    const reading = readSavedSegmentation({ ...version1(), dimensions: [6, 5, 5] });
    expect(reading).toEqual({ ok: false, reason: expect.stringContaining('holds 120 voxels, its grid 6×5×5 has 150') });
  });

  it('refuses runs that do not cover the labelmap', () => {
    const rle = encodeRle(cubeMask());
    const lengths = rle.lengths.slice();
    lengths[0] = lengths[0]! + 1;
    const reading = readSavedSegmentation({ ...version1(), rle: { ...rle, lengths } });
    expect(reading).toEqual({ ok: false, reason: expect.stringContaining('the runs cover 121 voxels, not 120') });
  });

  it('refuses runs that differ in count from their values, or a run of 0', () => {
    const rle = encodeRle(cubeMask());
    expect(readSavedSegmentation({ ...version1(), rle: { ...rle, values: rle.values.slice(1) } }).ok).toBe(false);
    const lengths = rle.lengths.slice();
    lengths[1] = 0;
    lengths[0] = lengths[0]! + rle.lengths[1]!;
    expect(readSavedSegmentation({ ...version1(), rle: { ...rle, lengths } })).toEqual({ ok: false, reason: expect.stringContaining('a run of length 0') });
  });

  it('refuses typed arrays that came back as plain objects, missing fields and non-records, naming the field', () => {
    const { rle } = version1();
    const jsonRoundTrip = { ...version1(), rle: { length: rle.length, values: { ...rle.values }, lengths: { ...rle.lengths } } };
    expect(readSavedSegmentation(jsonRoundTrip)).toEqual({ ok: false, reason: expect.stringContaining('rle.values') });
    const { lesionId: _dropped, ...noLesion } = version1();
    expect(readSavedSegmentation(noLesion)).toEqual({ ok: false, reason: expect.stringContaining('lesionId') });
    expect(readSavedSegmentation('text').ok).toBe(false);
    expect(readSavedSegmentation(null).ok).toBe(false);
  });
});
