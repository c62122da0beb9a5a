/** Vertebrae from the top down. The index in this array is the "level index" used for arithmetic. */
export const VERTEBRAE = [
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7',
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12',
  'L1', 'L2', 'L3', 'L4', 'L5',
  'S1',
] as const;

export type Vertebra = (typeof VERTEBRAE)[number];

/** A single level ({from}) or a span from a vertebra down to another ({from, to}). */
export interface LevelRange {
  from: Vertebra;
  to?: Vertebra;
}

export function isVertebra(value: string): value is Vertebra {
  return (VERTEBRAE as readonly string[]).includes(value);
}

export function vertebraIndex(v: Vertebra): number {
  return VERTEBRAE.indexOf(v);
}

export function vertebraAt(index: number): Vertebra | null {
  return Number.isInteger(index) ? (VERTEBRAE[index] ?? null) : null;
}

export function nextLevelDown(v: Vertebra): Vertebra | null {
  return vertebraAt(vertebraIndex(v) + 1);
}

export function nextLevelUp(v: Vertebra): Vertebra | null {
  return vertebraAt(vertebraIndex(v) - 1);
}

const region = (v: Vertebra): string => v.charAt(0);
const numberOf = (v: Vertebra): string => v.slice(1);

/** "C2", "C2-3", "C7-T1", "L5-S1", "T4-6". The range is written top-down whatever order it is given in. */
export function formatLevel(range: LevelRange): string {
  const { to } = range;
  if (to === undefined || to === range.from) return range.from;
  const [upper, lower] = vertebraIndex(range.from) <= vertebraIndex(to) ? [range.from, to] : [to, range.from];
  return region(upper) === region(lower) ? `${upper}-${numberOf(lower)}` : `${upper}-${lower}`;
}

/**
 * Reads a level written as formatLevel writes it (also accepts "C2-C3", en dashes, lower case and spaces).
 * Returns null for anything else, e.g. free text the user typed.
 */
export function parseLevel(text: string): LevelRange | null {
  const match = /^([CTLS])(\d{1,2})(?:\s*[-–]\s*([CTLS])?(\d{1,2}))?$/.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, fromRegion, fromNumber, toRegion, toNumber] = match;
  const from = `${fromRegion}${fromNumber}`;
  if (!isVertebra(from)) return null;
  if (toNumber === undefined) return { from };
  const to = `${toRegion ?? fromRegion}${toNumber}`;
  if (!isVertebra(to) || vertebraIndex(to) < vertebraIndex(from)) return null;
  return to === from ? { from } : { from, to };
}
