import { describe, expect, it } from 'vitest';
import { otherTimepointVolume, type TimepointVolume } from '../../src/segment/core';

const order = ['baseline', 'followup1', 'followup2'];
const v = (studyInstanceUid: string, ml: number, extra: Partial<TimepointVolume> = {}): TimepointVolume => ({ lesionId: 'L1', studyInstanceUid, volumeMm3: ml * 1000, ...extra });

describe('otherTimepointVolume: the same lesion at the neighbouring timepoint', () => {
  it('a follow-up compares with the study just before it, not the baseline further back', () => {
    const volumes = [v('baseline', 6), v('followup1', 3), v('followup2', 2.5)];
    expect(otherTimepointVolume(volumes, order, 'L1', 'followup2')).toEqual({ ml: 3, later: false });
  });
  it('the baseline compares with the first follow-up (later)', () => {
    expect(otherTimepointVolume([v('followup2', 2), v('followup1', 1.6), v('baseline', 6)], order, 'L1', 'baseline')).toEqual({ ml: 1.6, later: true });
  });
  it('never another series of the same study, another lesion, or an unconfirmed flagged volume', () => {
    const volumes = [v('followup1', 9), { ...v('baseline', 5), lesionId: 'L2' }, v('baseline', 40, { flags: [{}] })];
    expect(otherTimepointVolume(volumes, order, 'L1', 'followup1')).toBeNull();
    expect(otherTimepointVolume([v('baseline', 40, { flags: [{}], confirmedAt: '2024-01-01' })], order, 'L1', 'followup1')).toEqual({ ml: 40, later: false });
  });
  it('a study outside the patient order has no other timepoint', () => {
    expect(otherTimepointVolume([v('baseline', 6)], order, 'L1', 'elsewhere')).toBeNull();
  });
});
