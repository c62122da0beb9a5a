import { describe, expect, it } from 'vitest';
import { VERTEBRAE, formatLevel, isVertebra, nextLevelDown, nextLevelUp, parseLevel } from '../../src/lesions';

describe('vertebrae', () => {
  it('lists 25 levels from C1 to S1 in order', () => {
    expect(VERTEBRAE).toHaveLength(7 + 12 + 5 + 1);
    expect(VERTEBRAE[0]).toBe('C1');
    expect(VERTEBRAE[7]).toBe('T1');
    expect(VERTEBRAE[19]).toBe('L1');
    expect(VERTEBRAE[24]).toBe('S1');
  });

  it('steps between levels across region boundaries', () => {
    expect(nextLevelDown('C2')).toBe('C3');
    expect(nextLevelDown('C7')).toBe('T1');
    expect(nextLevelDown('T12')).toBe('L1');
    expect(nextLevelDown('L5')).toBe('S1');
    expect(nextLevelDown('S1')).toBeNull();
    expect(nextLevelUp('C1')).toBeNull();
    expect(nextLevelUp('T1')).toBe('C7');
  });

  it('recognises vertebra names', () => {
    expect(isVertebra('T10')).toBe(true);
    expect(isVertebra('C8')).toBe(false);
    expect(isVertebra('S2')).toBe(false);
  });
});

describe('formatLevel', () => {
  it.each([
    [{ from: 'C2' as const }, 'C2'],
    [{ from: 'C2' as const, to: 'C3' as const }, 'C2-3'],
    [{ from: 'C7' as const, to: 'T1' as const }, 'C7-T1'],
    [{ from: 'L5' as const, to: 'S1' as const }, 'L5-S1'],
    [{ from: 'T12' as const, to: 'L1' as const }, 'T12-L1'],
    [{ from: 'T4' as const, to: 'T6' as const }, 'T4-6'],
    [{ from: 'C3' as const, to: 'C2' as const }, 'C2-3'],
    [{ from: 'T9' as const, to: 'T9' as const }, 'T9'],
  ])('%o → %s', (range, text) => {
    expect(formatLevel(range)).toBe(text);
  });
});

describe('parseLevel', () => {
  it('reads formatted levels and common variants', () => {
    expect(parseLevel('C2-3')).toEqual({ from: 'C2', to: 'C3' });
    expect(parseLevel('C7-T1')).toEqual({ from: 'C7', to: 'T1' });
    expect(parseLevel(' l5–s1 ')).toEqual({ from: 'L5', to: 'S1' });
    expect(parseLevel('C2-C3')).toEqual({ from: 'C2', to: 'C3' });
    expect(parseLevel('T10')).toEqual({ from: 'T10' });
  });

  it('round-trips every single level and every adjacent pair', () => {
    VERTEBRAE.forEach((v, i) => {
      expect(parseLevel(formatLevel({ from: v }))).toEqual({ from: v });
      const next = VERTEBRAE[i + 1];
      if (next) expect(parseLevel(formatLevel({ from: v, to: next }))).toEqual({ from: v, to: next });
    });
  });

  it('rejects free text, unknown vertebrae and upside-down ranges', () => {
    expect(parseLevel('sacrum')).toBeNull();
    expect(parseLevel('C8')).toBeNull();
    expect(parseLevel('C3-2')).toBeNull();
    expect(parseLevel('')).toBeNull();
  });
});
