import { describe, expect, it } from 'vitest';
import {
  change,
  diameterChangeWithinVariability,
  diameterVariabilityMm,
  percentChange,
  volumeChangeWithinVariability,
} from '../../src/response';

describe('percentChange', () => {
  it('is (to − from) / from × 100', () => {
    expect(percentChange(31, 21)).toBeCloseTo(-32.258064516, 8);
    expect(percentChange(25, 30)).toBe(20);
    expect(percentChange(10, 10)).toBe(0);
    expect(percentChange(4, 1)).toBe(-75);
  });

  it('is 0 from 0 to 0 and undefined (null) from 0 to anything else', () => {
    expect(percentChange(0, 0)).toBe(0);
    expect(percentChange(0, 5)).toBeNull();
  });
});

describe('change', () => {
  it('gives absolute and relative change with the variability flag', () => {
    expect(change(20, 21.5, (abs) => diameterChangeWithinVariability(abs))).toEqual({ absolute: 1.5, percent: 7.5, withinVariability: true });
    expect(change(20, 23, (abs) => diameterChangeWithinVariability(abs))).toEqual({ absolute: 3, percent: 15, withinVariability: false });
  });
});

describe('measurement variability', () => {
  it('treats diameter changes under 2 mm per lesion as noise', () => {
    expect(diameterChangeWithinVariability(1.9)).toBe(true);
    expect(diameterChangeWithinVariability(-1.9)).toBe(true);
    expect(diameterChangeWithinVariability(2)).toBe(false);
  });

  it('adds per-lesion variability in quadrature for a sum', () => {
    expect(diameterVariabilityMm(1)).toBe(2);
    expect(diameterVariabilityMm(4)).toBe(4);
    expect(diameterChangeWithinVariability(3.9, 4)).toBe(true);
    expect(diameterChangeWithinVariability(4.1, 4)).toBe(false);
  });

  it('treats volume changes under 25% as noise', () => {
    expect(volumeChangeWithinVariability(24.9)).toBe(true);
    expect(volumeChangeWithinVariability(-24.9)).toBe(true);
    expect(volumeChangeWithinVariability(25)).toBe(false);
    expect(volumeChangeWithinVariability(null)).toBe(false);
  });
});
