import { formatMl, formatMm, formatPercent, formatSignedMm } from '../measure/format';
import { change, type Change } from './change';
import { RECIST, THRESHOLD_EPSILON, VOLUMETRIC } from './constants';
import { diameterChangeWithinVariability, volumeChangeWithinVariability } from './variability';

export type ResponseCategory = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

/** One timepoint, in order; the first is the baseline. */
export interface ResponseInput {
  studyInstanceUid: string;
  /** The measured quantity (mm or mL), or null when it could not be measured (NE). */
  value: number | null;
  /** A new lesion is present at this timepoint. */
  newLesion?: boolean;
  /** Why the value is null (not evaluable), in words: "measured on CT at baseline but MR here". */
  reason?: string;
}

export interface ResponseResult {
  studyInstanceUid: string;
  category: ResponseCategory | 'baseline';
  value: number | null;
  baseline: number | null;
  /** Smallest value before this timepoint, baseline included. */
  nadir: number | null;
  fromBaseline: Change | null;
  fromNadir: Change | null;
  /** The rule that decided the category, in words with the numbers. */
  rule: string;
}

export interface ResponseCriteria {
  /** What is measured, for the rule text: "sum of longest diameters". */
  quantity: string;
  unit: 'mm' | 'mL';
  format: (value: number) => string;
  formatDelta: (delta: number) => string;
  partialResponsePercent: number;
  progressionPercent: number;
  /** Minimum absolute increase from the nadir for PD, in the value's unit. */
  progressionAbsolute?: number;
  withinVariability: (absolute: number, percent: number | null) => boolean;
}

/** RECIST 1.1 on a sum of longest diameters (mm) of `lesionCount` target lesions. */
export function recistCriteria(lesionCount = 1, quantity = 'sum of longest diameters'): ResponseCriteria {
  return {
    quantity,
    unit: 'mm',
    format: formatMm,
    formatDelta: formatSignedMm,
    partialResponsePercent: RECIST.partialResponsePercent,
    progressionPercent: RECIST.progressionPercent,
    progressionAbsolute: RECIST.progressionAbsoluteMm,
    withinVariability: (absolute) => diameterChangeWithinVariability(absolute, lesionCount),
  };
}

/** Volumetric criteria on a volume in mL. */
export function volumetricCriteria(quantity = 'total volume'): ResponseCriteria {
  return {
    quantity,
    unit: 'mL',
    format: formatMl,
    formatDelta: (delta) => `${delta > 0 ? '+' : ''}${formatMl(delta)}`,
    partialResponsePercent: VOLUMETRIC.partialResponsePercent,
    progressionPercent: VOLUMETRIC.progressionPercent,
    withinVariability: (_absolute, percent) => volumeChangeWithinVariability(percent),
  };
}

/** RECIST 1.1 on the sum of longest diameters (mm) of `lesionCount` target lesions, baseline first. */
export function evaluateRecist(inputs: readonly ResponseInput[], lesionCount = 1): ResponseResult[] {
  return evaluateResponse(inputs, recistCriteria(lesionCount));
}

/** Volumetric response on a total volume (mL), baseline first. */
export function evaluateVolumetric(inputs: readonly ResponseInput[]): ResponseResult[] {
  return evaluateResponse(inputs, volumetricCriteria());
}

/**
 * Categorises each timepoint against the first (baseline), in this order of precedence:
 * new lesion → PD; not measured → NE; reappearance after a value of 0 → PD (RECIST 1.1: a lesion
 * returning after complete response is progression); 0 → CR; ≥ PD threshold from nadir → PD;
 * ≤ PR threshold from baseline → PR; otherwise SD. Thresholds are inclusive.
 */
export function evaluateResponse(inputs: readonly ResponseInput[], criteria: ResponseCriteria): ResponseResult[] {
  const first = inputs[0];
  if (first === undefined) return [];
  const baseline = first.value;
  const results: ResponseResult[] = [
    {
      studyInstanceUid: first.studyInstanceUid,
      category: 'baseline',
      value: baseline,
      baseline,
      nadir: null,
      fromBaseline: null,
      fromNadir: null,
      rule:
        baseline === null
          ? `Baseline: ${criteria.quantity} ${first.reason ? `not evaluable: ${first.reason}` : 'not measured'}.`
          : `Baseline: ${criteria.quantity} ${criteria.format(baseline)}.`,
    },
  ];
  let nadir = baseline;
  for (const input of inputs.slice(1)) {
    results.push(evaluateTimepoint(input, baseline, nadir, criteria, first.reason));
    if (input.value !== null && (nadir === null || input.value < nadir)) nadir = input.value;
  }
  return results;
}

function evaluateTimepoint(
  input: ResponseInput,
  baseline: number | null,
  nadir: number | null,
  criteria: ResponseCriteria,
  baselineReason: string | undefined,
): ResponseResult {
  const { value } = input;
  const fromBaseline = value !== null && baseline !== null ? change(baseline, value, criteria.withinVariability) : null;
  const fromNadir = value !== null && nadir !== null ? change(nadir, value, criteria.withinVariability) : null;
  const result = (category: ResponseCategory, rule: string): ResponseResult => ({
    studyInstanceUid: input.studyInstanceUid,
    category,
    value,
    baseline,
    nadir,
    fromBaseline,
    fromNadir,
    rule,
  });
  const q = criteria.quantity;
  const f = criteria.format;

  if (input.newLesion) return result('PD', `PD: new lesion${value === null ? '' : ` (${q} ${f(value)})`}.`);
  if (value === null) return result('NE', input.reason ? `NE: ${input.reason}.` : `NE: ${q} could not be measured at this timepoint.`);
  if (baseline === null || baseline === 0 || fromBaseline === null || nadir === null || fromNadir === null) {
    return result('NE', `NE: no measurable baseline ${q}${baseline === null && baselineReason ? ` (${baselineReason})` : ''}.`);
  }
  if (nadir === 0 && value > 0) {
    return result('PD', `PD: ${q} ${f(value)} after it had reached 0 (reappearance after complete response).`);
  }
  if (value === 0) {
    return result('CR', `CR: ${q} is 0 (all target lesions gone; RECIST's lymph node rule, short axis < 10 mm, is not applied).`);
  }

  const pdPercent = criteria.progressionPercent;
  const prPercent = criteria.partialResponsePercent;
  const minIncrease = criteria.progressionAbsolute;
  const nadirPercent = fromNadir.percent ?? 0;
  const reachesPdPercent = nadirPercent >= pdPercent - THRESHOLD_EPSILON;
  const reachesPdAbsolute = minIncrease === undefined || fromNadir.absolute >= minIncrease - THRESHOLD_EPSILON;
  const nadirText = `${percentText(nadirPercent, pdPercent)} (${criteria.formatDelta(fromNadir.absolute)}) from nadir ${f(nadir)}`;
  const pdThreshold = `+${pdPercent}%${minIncrease === undefined ? '' : ` and +${minIncrease} ${criteria.unit}`}`;

  if (reachesPdPercent && reachesPdAbsolute) {
    return result('PD', `PD: ${q} ${f(value)} is ${nadirText} (threshold ${pdThreshold}).`);
  }
  const baselinePercent = fromBaseline.percent ?? 0;
  const baselineText = `${percentText(baselinePercent, prPercent)} from baseline ${f(baseline)}`;
  if (baselinePercent <= prPercent + THRESHOLD_EPSILON) {
    return result('PR', `PR: ${q} ${f(value)} is ${baselineText} (threshold ${formatPercent(prPercent, 0)}).`);
  }
  const why = reachesPdPercent
    ? `PD needs ${pdThreshold} from nadir, but the increase is only ${criteria.formatDelta(fromNadir.absolute)}`
    : `neither PR (≤ ${formatPercent(prPercent, 0)} from baseline) nor PD (≥ ${pdThreshold} from nadir)`;
  return result('SD', `SD: ${q} ${f(value)} is ${baselineText} and ${nadirText}: ${why}.`);
}

/** One decimal, or two when one would round onto the threshold and hide which side of it the value is. */
function percentText(percent: number, threshold: number): string {
  const distance = Math.abs(percent - threshold);
  return formatPercent(percent, distance > THRESHOLD_EPSILON && distance < 0.05 ? 2 : 1);
}
