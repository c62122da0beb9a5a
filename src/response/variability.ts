import { DIAMETER_VARIABILITY_MM, VOLUME_VARIABILITY_PERCENT } from './constants';

/**
 * Variability of a sum of `lesionCount` diameters. Errors of separate lesions are taken as
 * independent, so they add in quadrature: 2 mm for one lesion, 2·√n mm for a sum of n.
 */
export function diameterVariabilityMm(lesionCount = 1): number {
  return DIAMETER_VARIABILITY_MM * Math.sqrt(Math.max(1, lesionCount));
}

export function diameterChangeWithinVariability(deltaMm: number, lesionCount = 1): boolean {
  return Math.abs(deltaMm) < diameterVariabilityMm(lesionCount);
}

/** A change from a zero volume (percent null) is never within variability. */
export function volumeChangeWithinVariability(percent: number | null): boolean {
  return percent !== null && Math.abs(percent) < VOLUME_VARIABILITY_PERCENT;
}
