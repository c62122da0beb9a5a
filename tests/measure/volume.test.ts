import { describe, expect, it } from 'vitest';
import { ellipsoidVolumeMl, mlToMm3, mm3ToMl } from '../../src/measure';

describe('ellipsoidVolumeMl', () => {
  it('is π/6 · a · b · c in mL', () => {
    // π/6 · 31 · 24 · 27 = π · 20088 / 6 = 10518.05… mm³
    expect(ellipsoidVolumeMl(31, 24, 27)).toBeCloseTo(10.518, 3);
  });

  it('equals the sphere volume for equal diameters', () => {
    // d = 20 mm: 4/3 · π · 10³ = 4188.79 mm³
    expect(ellipsoidVolumeMl(20, 20, 20)).toBeCloseTo(4.18879, 5);
  });

  it('is 0 when any diameter is 0', () => {
    expect(ellipsoidVolumeMl(0, 24, 27)).toBe(0);
  });

  it('converts mm³ and mL', () => {
    expect(mm3ToMl(10518)).toBe(10.518);
    expect(mlToMm3(2.5)).toBe(2500);
  });
});
