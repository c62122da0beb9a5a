import { dot, length, scale, sub, type Vec3 } from '../geometry/vec3';
import { DUPLICATE_POSITION_MM } from './splitSeries';
import { describeRuns, spacingChange } from './spacingRuns';

/** Spread of slice steps (beyond which MPR would be visibly wrong) that stops a stack being a volume. */
export const VOLUME_SPACING_SPREAD = 0.1;
/** Sideways drift of the stack relative to its normal (gantry tilt) that stops it being a volume. */
export const MAX_SHEAR_DEG = 1;

export interface SpacingReport {
  /** Median step along the normal; null for fewer than 2 positions or when the spacing changes along the series. */
  sliceSpacing: number | null;
  uniform: boolean;
  isVolume: boolean;
  warnings: string[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/** Degrees the line from first to last position leans away from the normal. */
function shearDeg(positions: readonly Vec3[], normal: Vec3): number {
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (!first || !last) return 0;
  const d = sub(last, first);
  const along = dot(d, normal);
  const sideways = length(sub(d, scale(normal, along)));
  return Math.abs(along) < 1e-9 ? 0 : (Math.atan2(sideways, Math.abs(along)) * 180) / Math.PI;
}

/**
 * Slice spacing from Image Position projected on the normal (never Slice Thickness), with
 * plain-language warnings for gaps, uneven steps, repeated positions and sheared stacks.
 * `positions` must already be sorted along `normal` (a unit vector).
 */
export function analyseSpacing(positions: readonly Vec3[], normal: Vec3): SpacingReport {
  if (positions.length < 2) return { sliceSpacing: null, uniform: true, isVolume: false, warnings: [] };
  const depths = positions.map((p) => dot(p, normal));
  const steps = depths.slice(1).map((d, i) => d - (depths[i] ?? d));
  const spacing = median(steps);
  const warnings: string[] = [];

  const duplicates = steps.filter((s) => s < DUPLICATE_POSITION_MM).length;
  if (duplicates > 0) warnings.push(`${duplicates} slice(s) repeat an earlier position: not usable as a volume`);

  const change = duplicates === 0 ? spacingChange(steps) : null;
  if (change) {
    warnings.push(`spacing changes along the series: ${describeRuns(change)}: not usable as a volume`);
    for (const run of change) {
      if (!run.gap) continue;
      const before = change[change.indexOf(run) - 1] ?? change[change.indexOf(run) + 1];
      const missing = run.gap.missing;
      warnings.push(
        `gap of ${run.spacing.toFixed(1)} mm between slices ${run.firstStep + 1} and ${run.firstStep + 2} where spacing is ${(before?.spacing ?? spacing).toFixed(1)} mm: ` +
          `${missing} slice${missing === 1 ? '' : 's'} missing?`,
      );
    }
    // No single number is the spacing of this series: none is shown rather than a wrong one.
    return { sliceSpacing: null, uniform: false, isVolume: false, warnings };
  }

  const tolerance = Math.max(0.01, 0.01 * spacing);
  const regular: number[] = [];
  steps.forEach((step, i) => {
    if (spacing > DUPLICATE_POSITION_MM && step > 1.5 * spacing) {
      const missing = Math.max(1, Math.round(step / spacing) - 1);
      warnings.push(
        `gap of ${step.toFixed(1)} mm between slices ${i + 1} and ${i + 2} where spacing is ${spacing.toFixed(1)} mm: ` +
          `${missing} slice${missing === 1 ? '' : 's'} missing?`,
      );
    } else if (step >= DUPLICATE_POSITION_MM) {
      regular.push(step);
    }
  });
  const gaps = steps.length - regular.length - duplicates;
  const low = Math.min(...regular);
  const high = Math.max(...regular);
  const uneven = regular.length > 0 && high - low > tolerance;

  const spread = (Math.max(...steps) - Math.min(...steps)) / spacing;
  const shear = shearDeg(positions, normal);
  const isVolume = positions.length >= 3 && duplicates === 0 && spread <= VOLUME_SPACING_SPREAD && shear <= MAX_SHEAR_DEG;

  if (uneven) {
    const effect = spread <= VOLUME_SPACING_SPREAD && gaps === 0 ? 'MPR may be slightly distorted' : 'not usable as a volume';
    warnings.push(
      `uneven slice spacing: steps range from ${low.toFixed(2)} to ${high.toFixed(2)} mm (median ${spacing.toFixed(2)} mm): ${effect}`,
    );
  }
  if (gaps > 0) warnings.push('not usable as a volume (MPR) while slices are missing');
  if (shear > MAX_SHEAR_DEG) {
    warnings.push(`slices drift sideways by ${shear.toFixed(1)}° from the slice normal (e.g. gantry tilt): not usable as a volume`);
  }
  return { sliceSpacing: spacing, uniform: !uneven && gaps === 0 && duplicates === 0, isVolume, warnings };
}
