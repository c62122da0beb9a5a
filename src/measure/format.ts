/** U+2212, the typographic minus used in displayed changes ("−32.3%"). */
export const MINUS = '\u2212';
const MISSING = '—';

/** "31.2 mm" */
export function formatMm(mm: number): string {
  return Number.isFinite(mm) ? `${fixed(mm, 1)} mm` : MISSING;
}

/** The unit of a length drawn on a series without a valid Pixel Spacing. */
export const UNCALIBRATED_PX = 'px (uncalibrated)';

/** "31.2 px (uncalibrated)": a length on an image without a valid Pixel Spacing, never said in mm. */
export function formatUncalibratedPx(px: number): string {
  return Number.isFinite(px) ? `${fixed(px, 1)} ${UNCALIBRATED_PX}` : MISSING;
}

/** Signed change in mm: "+5.0 mm", "−3.1 mm", "0.0 mm". */
export function formatSignedMm(mm: number): string {
  return Number.isFinite(mm) ? `${signed(mm, 1)} mm` : MISSING;
}

/** "10.5 mL"; two decimals below 1 mL ("0.46 mL"). */
export function formatMl(ml: number): string {
  if (!Number.isFinite(ml)) return MISSING;
  return `${fixed(ml, Math.abs(ml) < 1 ? 2 : 1)} mL`;
}

/** Signed percentage: "−32.3%", "+20.0%", "0.0%". */
export function formatPercent(percent: number | null, decimals = 1): string {
  if (percent === null || Number.isNaN(percent)) return MISSING;
  if (!Number.isFinite(percent)) return percent > 0 ? '+∞%' : `${MINUS}∞%`;
  return `${signed(percent, decimals)}%`;
}

function fixed(x: number, decimals: number): string {
  const text = x.toFixed(decimals);
  // Avoid "-0.0" for tiny negatives.
  return Number(text) === 0 ? (0).toFixed(decimals) : text.replace('-', MINUS);
}

function signed(x: number, decimals: number): string {
  const text = fixed(x, decimals);
  return Number(x.toFixed(decimals)) > 0 ? `+${text}` : text;
}
