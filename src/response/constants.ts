/**
 * Every threshold the response rules use, in one place.
 */

/** RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228–247), on the sum of longest diameters (SLD). */
export const RECIST = {
  /** PR: SLD decreased by at least 30% from baseline. */
  partialResponsePercent: -30,
  /** PD: SLD increased by at least 20% from the nadir … */
  progressionPercent: 20,
  /** … and by at least 5 mm in absolute terms. */
  progressionAbsoluteMm: 5,
} as const;

/**
 * Volumetric criteria: the RECIST diameter thresholds carried over to a sphere's volume
 * (0.7³ = 0.343 → −65.7%, rounded to −65%; 1.2³ = 1.728 → +73%). No absolute minimum is applied.
 */
export const VOLUMETRIC = {
  partialResponsePercent: -65,
  progressionPercent: 73,
} as const;

/**
 * Diameter change per lesion that cannot be told apart from measurement variability. On CT repeated
 * within 15 minutes, 57% of diameter changes exceeded 1 mm and 33% exceeded 2 mm (Oxnard et al.,
 * "Variability of lung tumor measurements on repeat computed tomography scans taken within 15 minutes",
 * J Clin Oncol 2011). A change under 2 mm is therefore noise; a change above it may still be.
 */
export const DIAMETER_VARIABILITY_MM = 2;

/**
 * Relative volume change treated as measurement variability of semi-automated volumetry. Repeat-scan
 * studies of pulmonary nodules report 95% limits of agreement of about ±25% (e.g. ±27% for 3-month repeat
 * CTs in the MILD screening trial: "Pulmonary nodules: volume repeatability at multidetector CT lung
 * cancer screening", Radiology), and the NELSON trial and British Thoracic
 * Society nodule guideline use 25% as the smallest volume change counted as real growth. Spinal lesions
 * abut bone and are often smaller and less well defined, so 25% is a lower bound, not a validated value.
 */
export const VOLUME_VARIABILITY_PERCENT = 25;

/**
 * Comparisons at a threshold allow this much floating-point slack: 9.8 mm against a 14 mm baseline is
 * exactly −30% but computes as −29.999999999999993%, and must count as reaching the threshold.
 */
export const THRESHOLD_EPSILON = 1e-9;
