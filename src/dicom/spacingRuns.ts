/** Consecutive slice steps of one spacing. */
export interface SpacingRun {
  /** Mean step of the run, mm. */
  spacing: number;
  /** Index of its first step (step i lies between slices i+1 and i+2, 1-based). */
  firstStep: number;
  steps: number;
  /** A single step that is a whole multiple of its neighbours' spacing: slices missing, not a new spacing. */
  gap?: { missing: number };
}

/** "4.0", "1.25": one decimal unless a second one says more. */
export function millimetres(value: number): string {
  return Math.abs(value * 10 - Math.round(value * 10)) < 0.005 ? value.toFixed(1) : value.toFixed(2);
}

const sameSpacing = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.01, 0.02 * Math.min(a, b));

function runsOf(steps: readonly number[]): SpacingRun[] {
  const runs: SpacingRun[] = [];
  steps.forEach((step, i) => {
    const run = runs[runs.length - 1];
    if (run && sameSpacing(run.spacing, step)) {
      run.spacing = (run.spacing * run.steps + step) / (run.steps + 1);
      run.steps += 1;
    } else {
      runs.push({ spacing: step, firstStep: i, steps: 1 });
    }
  });
  return runs;
}

function markGaps(runs: SpacingRun[]): void {
  runs.forEach((run, i) => {
    if (run.steps !== 1) return;
    const neighbours = [runs[i - 1], runs[i + 1]].filter((r): r is SpacingRun => r !== undefined && r.steps >= 2);
    for (const neighbour of neighbours) {
      const ratio = run.spacing / neighbour.spacing;
      const whole = Math.round(ratio);
      if (whole >= 2 && Math.abs(ratio - whole) <= 0.1) {
        run.gap = { missing: whole - 1 };
        return;
      }
    }
  });
}

/**
 * The runs of one spacing along a stack, when the spacing really changes (each part at least
 * 2 steps long, e.g. 4 mm for 20 slices then 7 mm): null when the stack has one spacing, perhaps
 * with gaps or jitter, which the caller reports as gaps or uneven spacing instead.
 */
export function spacingChange(steps: readonly number[]): SpacingRun[] | null {
  const runs = runsOf(steps);
  markGaps(runs);
  const parts = runs.filter((r) => !r.gap);
  if (parts.length < 2 || parts.some((r) => r.steps < 2)) return null;
  // Runs of one spacing split only by a gap are one part.
  const distinct = parts.filter((r, i) => i === 0 || !sameSpacing(r.spacing, parts[i - 1]?.spacing ?? Number.NaN));
  return distinct.length >= 2 ? runs : null;
}

/**
 * "4.0 mm for 21 slices, then 7.0 mm for 10 slices": parts of one spacing, a gap inside a part
 * counted with it; the first part counts its first slice.
 */
export function describeRuns(runs: readonly SpacingRun[]): string {
  const parts: Array<{ spacing: number; slices: number }> = [];
  let pendingGapSteps = 0;
  for (const run of runs) {
    const last = parts[parts.length - 1];
    if (run.gap) {
      pendingGapSteps += run.steps;
    } else if (last && sameSpacing(last.spacing, run.spacing)) {
      last.slices += pendingGapSteps + run.steps;
      pendingGapSteps = 0;
    } else {
      if (last) last.slices += pendingGapSteps;
      parts.push({ spacing: run.spacing, slices: run.steps + (last ? 0 : 1 + pendingGapSteps) });
      pendingGapSteps = 0;
    }
  }
  const last = parts[parts.length - 1];
  if (last) last.slices += pendingGapSteps;
  return parts.map((p) => `${millimetres(p.spacing)} mm for ${p.slices} slices`).join(', then ');
}
