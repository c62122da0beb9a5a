import { describe, expect, it } from 'vitest';
import { plausibilityFlags, type PlausibilityInput } from '../../src/segment/core';

const ok: PlausibilityInput = { voxelCount: 2000, volumeMl: 1.6, truncated: false, reachesFieldOfView: false, reachesGap: null, ellipsoidMl: 1.5, otherTimepointMl: 2.2, method: 'grow' };
const codes = (p: Partial<PlausibilityInput>) => plausibilityFlags({ ...ok, ...p }).map((f) => f.code);

describe('plausibilityFlags', () => {
  it('a lesion-sized region close to its ellipsoid and to the other timepoint is not flagged', () => {
    expect(codes({})).toEqual([]);
  });
  it('a few voxels (the issue: one click gave 1 voxel) is flagged with a suggestion to move the seed', () => {
    const flags = plausibilityFlags({ ...ok, voxelCount: 1, volumeMl: 0.0024 });
    expect(flags.map((f) => f.code)).toContain('few-voxels');
    expect(flags.find((f) => f.code === 'few-voxels')!.message).toMatch(/Move the seed/);
  });
  it('a region that hit the growth cap (the issue: 1557 mL) is flagged, not also as field of view', () => {
    expect(codes({ truncated: true, reachesFieldOfView: true, volumeMl: 1557, ellipsoidMl: null, otherTimepointMl: null })).toEqual(['growth-cap']);
  });
  it('reaching the edge of the images is flagged', () => {
    expect(codes({ reachesFieldOfView: true })).toEqual(['field-of-view']);
  });
  it('reaching a gap names it', () => {
    const f = plausibilityFlags({ ...ok, reachesGap: 'between slices 12 and 13' });
    expect(f.map((x) => x.code)).toEqual(['reaches-gap']);
    expect(f[0]!.message).toContain('between slices 12 and 13');
  });
  it('more than twice the ellipsoid of the measured diameters is a leak', () => {
    expect(codes({ volumeMl: 3.1, ellipsoidMl: 1.5, otherTimepointMl: null })).toEqual(['larger-than-ellipsoid']);
    expect(codes({ volumeMl: 2.9, ellipsoidMl: 1.5, otherTimepointMl: null })).toEqual([]);
  });
  it('more than 3× larger or 10× smaller than the other timepoint is flagged', () => {
    expect(codes({ volumeMl: 7, otherTimepointMl: 2, ellipsoidMl: null })).toEqual(['unlike-other-timepoint']);
    expect(codes({ volumeMl: 5.9, otherTimepointMl: 2, ellipsoidMl: null })).toEqual([]);
    expect(codes({ volumeMl: 0.19, otherTimepointMl: 2, ellipsoidMl: null })).toEqual(['unlike-other-timepoint']);
  });
  it('a partial response (6 → 1.6 mL, −73 %) is not flagged at either timepoint', () => {
    expect(codes({ volumeMl: 1.6, otherTimepointMl: 6, ellipsoidMl: null })).toEqual([]);
    expect(codes({ volumeMl: 6, otherTimepointMl: 1.6, otherIsLater: true, ellipsoidMl: null })).toEqual([]);
  });
  it('the direction of time counts: a baseline 4× the follow-up is a response, 4× below it is growth', () => {
    expect(codes({ volumeMl: 1.6, otherTimepointMl: 6, otherIsLater: true, ellipsoidMl: null })).toEqual(['unlike-other-timepoint']);
    expect(codes({ volumeMl: 6, otherTimepointMl: 1.6, otherIsLater: false, ellipsoidMl: null })).toEqual(['unlike-other-timepoint']);
  });
  it('the suggestion for a line says to draw it again', () => {
    expect(plausibilityFlags({ ...ok, voxelCount: 3, method: 'line' })[0]!.message).toMatch(/draw the line again/);
  });
});
