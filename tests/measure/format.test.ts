import { describe, expect, it } from 'vitest';
import { formatMl, formatMm, formatPercent, formatSignedMm } from '../../src/measure';

describe('formatting', () => {
  it('formats millimetres with one decimal', () => {
    expect(formatMm(31.24)).toBe('31.2 mm');
    expect(formatMm(31.26)).toBe('31.3 mm');
    expect(formatMm(0)).toBe('0.0 mm');
    expect(formatMm(Number.NaN)).toBe('—');
  });

  it('formats signed millimetre changes', () => {
    expect(formatSignedMm(5)).toBe('+5.0 mm');
    expect(formatSignedMm(-3.14)).toBe('−3.1 mm');
    expect(formatSignedMm(-0.01)).toBe('0.0 mm');
  });

  it('formats millilitres with one decimal, two below 1 mL', () => {
    expect(formatMl(10.518)).toBe('10.5 mL');
    expect(formatMl(0.456)).toBe('0.46 mL');
    expect(formatMl(1)).toBe('1.0 mL');
  });

  it('formats signed percentages with a typographic minus', () => {
    expect(formatPercent(-32.258)).toBe('−32.3%');
    expect(formatPercent(20)).toBe('+20.0%');
    expect(formatPercent(-0.04)).toBe('0.0%');
    expect(formatPercent(-30, 0)).toBe('−30%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Infinity)).toBe('+∞%');
  });
});
