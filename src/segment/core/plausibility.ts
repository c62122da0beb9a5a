import type { SegmentationFlag } from '../../lesions/lesion';

export interface PlausibilityInput {
  voxelCount: number;
  volumeMl: number;
  /** Growth stopped at the cap. */
  truncated: boolean;
  /** The region reaches the edge of the images. */
  reachesFieldOfView: boolean;
  /** The region reaches the end of the block of slices that is cut by a gap (text: where the gap is). */
  reachesGap: string | null;
  /** Ellipsoid volume π/6·a·b·c of the lesion's measured diameters at this timepoint, when measured. */
  ellipsoidMl: number | null;
  /** Segmented volume of the same lesion at the other timepoint (the one before, else the one after), when there is one. */
  otherTimepointMl: number | null;
  /** The other timepoint is after this one (growth is then measured from this volume to the other). */
  otherIsLater?: boolean;
  /** How the region was made: the suggestion differs for a line. */
  method: 'grow' | 'line' | 'edit';
}

/** Fewer voxels than this is no lesion volume one can trust. */
export const MIN_VOXELS = 30;
/** Far larger than the ellipsoid of the lesion's own diameters (a segmented lesion is rarely above 2×). */
export const ELLIPSOID_FACTOR = 2;
/** Far larger than the same lesion at the other timepoint (a leak more often than growth). */
export const TIMEPOINT_GROWTH_FACTOR = 3;
/**
 * Far smaller than the same lesion at the other timepoint. Looser than growth: a good response shrinks a lesion
 * 4× (6 → 1.6 mL is a partial response, not an error); a region 10× smaller is more often a fragment.
 */
export const TIMEPOINT_SHRINK_FACTOR = 10;

const fmt = (ml: number): string => `${ml < 1 ? ml.toFixed(2) : ml.toFixed(1)} mL`;

/**
 * Plausibility of a segmented volume: each rule that fails gives a flag with the reason and a suggestion.
 * A flagged volume is shown with its flags and does not count until the reader confirms it.
 */
export function plausibilityFlags(r: PlausibilityInput): SegmentationFlag[] {
  const flags: SegmentationFlag[] = [];
  const retry = r.method === 'line' ? 'draw the line again across the whole lesion, from outside to outside' : 'click again nearer the centre of the lesion, or draw a line across it';
  if (r.voxelCount > 0 && r.voxelCount < MIN_VOXELS) {
    flags.push({ code: 'few-voxels', message: `Only ${r.voxelCount} voxels: the seed is probably not inside the lesion. Move the seed: ${retry}.` });
  }
  if (r.truncated) {
    flags.push({
      code: 'growth-cap',
      message: `Growth stopped at the size limit (${fmt(r.volumeMl)}): the region leaked into the surroundings. Move the seed, ${r.method === 'line' ? 'draw a shorter line' : 'use the line (drag across the lesion)'}, or tighten the edge.`,
    });
  } else if (r.reachesFieldOfView) {
    flags.push({ code: 'field-of-view', message: `The region reaches the edge of the images: part of it may be outside them, or it leaked. Check it on every view; ${retry}.` });
  }
  if (r.reachesGap) {
    flags.push({ code: 'reaches-gap', message: `The region reaches the gap in this series (${r.reachesGap}): its volume beyond the gap is unknown. Segment on a series without a gap.` });
  }
  if (r.ellipsoidMl !== null && r.ellipsoidMl > 0 && r.volumeMl > ELLIPSOID_FACTOR * r.ellipsoidMl) {
    flags.push({
      code: 'larger-than-ellipsoid',
      message: `${fmt(r.volumeMl)} is ${(r.volumeMl / r.ellipsoidMl).toFixed(1)}× the ellipsoid of the measured diameters (${fmt(r.ellipsoidMl)}): probably a leak. Tighten the edge or use the line across the lesion.`,
    });
  }
  if (r.otherTimepointMl !== null && r.otherTimepointMl > 0 && r.volumeMl > 0) {
    const ratio = r.volumeMl / r.otherTimepointMl;
    // Change over time, earlier → later: growth > 3× looks like a leak, shrinking beyond 10× like a fragment.
    const growth = r.otherIsLater ? 1 / ratio : ratio;
    if (growth > TIMEPOINT_GROWTH_FACTOR || growth < 1 / TIMEPOINT_SHRINK_FACTOR) {
      flags.push({
        code: 'unlike-other-timepoint',
        message: `${fmt(r.volumeMl)} is ${ratio > 1 ? `${ratio.toFixed(1)}× larger` : `${(1 / ratio).toFixed(1)}× smaller`} than the same lesion ${r.otherIsLater ? 'at the next' : 'at the previous'} timepoint (${fmt(r.otherTimepointMl)}). Check both; ${retry}.`,
      });
    }
  }
  return flags;
}
