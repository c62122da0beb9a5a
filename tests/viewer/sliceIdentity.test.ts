import { describe, expect, it } from 'vitest';
import { buildSeries } from '../../src/dicom';
import type { SeriesNode } from '../../src/dicom/types';
import { acquiredSliceAt, formatMillimetres, identityOfFrame, imageLabel } from '../../src/viewer/sliceIdentity';
import { effectiveMode, mprUnavailableReason } from '../../src/viewer/viewModes';
import { clampAlong, depthRange } from '../../src/lesions/studyMapping';
import { frameAt, makeInstance, SAGITTAL } from '../dicom/factory';

/** A sagittal stack stored right to left: instance 1 at x = +20, instance 5 at x = 0 (the way the real MR is). */
function rightToLeft(zs: number[] = [20, 15, 10, 5, 0]): SeriesNode {
  const instances = zs.map((x, i) => makeInstance({ modality: 'MR', instanceNumber: i + 1, frames: [frameAt([x, 0, 0], SAGITTAL)] }));
  return buildSeries(instances)[0]!.studies[0]!.series[0]!;
}

describe('which acquired image is on screen', () => {
  it('gives the Instance Number of the file at each place of the position-sorted stack', () => {
    const series = rightToLeft();
    // Normal of SAGITTAL is -x: position order is x descending, i.e. instance 1 first.
    expect(series.frames.map((_, i) => identityOfFrame(series, i)?.instanceNumber)).toEqual([1, 2, 3, 4, 5]);
    const flipped = rightToLeft([0, 5, 10, 15, 20]);
    expect(flipped.frames.map((_, i) => identityOfFrame(flipped, i)?.instanceNumber)).toEqual([5, 4, 3, 2, 1]);
    expect(imageLabel(identityOfFrame(flipped, 0)!)).toBe('Im 5 · 1/5');
    expect(imageLabel(identityOfFrame(flipped, 2)!)).toBe('Im 3/5');
  });

  it('knows an MPR plane that lies on an acquired slice, and not one between slices or across them', () => {
    const series = rightToLeft([0, 5, 10, 15, 20]);
    // Instance 4 lies at x = 15, 2nd in position order (x descending along the normal -x).
    expect(acquiredSliceAt(series, [1, 0, 0], [15, 3, -7])).toEqual({ position: 2, count: 5, instanceNumber: 4 });
    expect(acquiredSliceAt(series, [-1, 0, 0], [15.5, 0, 0])?.instanceNumber).toBe(4);
    expect(acquiredSliceAt(series, [1, 0, 0], [12.5, 0, 0])).toBeNull();
    expect(acquiredSliceAt(series, [0, 0, 1], [15, 0, 0])).toBeNull();
  });

  it('never writes -0.0', () => {
    expect(formatMillimetres(-0.04)).toBe('0.0');
    expect(formatMillimetres(-1e-13)).toBe('0.0');
    expect(formatMillimetres(-0.06)).toBe('-0.1');
    expect(formatMillimetres(12.25)).toBe('12.3');
  });
});

describe('MPR only for volumes', () => {
  it('refuses MPR for a gapped stack, a single image and 2 slices, with the reason', () => {
    const gapped = rightToLeft([0, 5, 10, 20, 25]);
    expect(gapped.geometry?.isVolume).toBe(false);
    expect(mprUnavailableReason(gapped)).toMatch(/gap of 10\.0 mm/);
    expect(effectiveMode(gapped, 'sagittal')).toBe('stack');
    expect(mprUnavailableReason(rightToLeft([0]))).toMatch(/single image/);
    expect(mprUnavailableReason(rightToLeft([0, 5]))).toMatch(/Only 2 slices/);
    expect(rightToLeft().geometry?.isVolume).toBe(true);
  });

  it('refuses MPR for a tilted (sheared) stack', () => {
    // Gantry tilt: each axial slice shifted 1 mm in y per 5 mm in z (11°).
    const instances = [0, 1, 2, 3, 4].map((i) => makeInstance({ instanceNumber: i + 1, frames: [frameAt([0, i, 5 * i])] }));
    const series = buildSeries(instances)[0]!.studies[0]!.series[0]!;
    expect(mprUnavailableReason(series)).toMatch(/drift sideways by 11\.3°/);
  });
});

describe('a plane kept inside its volume', () => {
  it('moves a point along the normal to the nearest end of the range, never sideways', () => {
    const range = depthRange([[0, 0, -10], [5, 5, 40]], [0, 0, 1], 0.5)!;
    expect(range).toEqual({ min: -10.5, max: 40.5 });
    expect(clampAlong([3, 4, 90], [0, 0, 1], range)).toEqual([3, 4, 40.5]);
    expect(clampAlong([3, 4, -90], [0, 0, 1], range)).toEqual([3, 4, -10.5]);
    expect(clampAlong([3, 4, 7], [0, 0, 1], range)).toEqual([3, 4, 7]);
  });
});
