/** (to − from) / from × 100; 0 when both are 0; null when only `from` is 0 (the change is unbounded). */
export function percentChange(from: number, to: number): number | null {
  if (from === 0) return to === 0 ? 0 : null;
  return ((to - from) / from) * 100;
}

export interface Change {
  absolute: number;
  percent: number | null;
  /** True when the change is too small to tell apart from measurement variability. */
  withinVariability: boolean;
}

export function change(from: number, to: number, withinVariability: (absolute: number, percent: number | null) => boolean): Change {
  const absolute = to - from;
  const percent = percentChange(from, to);
  return { absolute, percent, withinVariability: withinVariability(absolute, percent) };
}
