import { neighbourhoodStats, type Index3, type RegionGrowOptions, type ScalarArray, type VolumeGrid } from '../../segment/core';
import type { Tolerance } from '../../state/segmentationStore';

const NEIGHBOURHOOD_RADIUS = 2;

/** Region-growing options for a tolerance; a % tolerance is taken of the mean around the seed. */
export function growOptions(tolerance: Tolerance, scalars: ScalarArray, grid: VolumeGrid, seed: Index3): RegionGrowOptions {
  const common: RegionGrowOptions = {
    neighbourhoodRadius: NEIGHBOURHOOD_RADIUS,
    connectivity: 6,
    fillHoles: '3d',
    // A leak into a large compartment stops here instead of filling the whole volume.
    maxVoxels: Math.ceil(scalars.length * 0.25),
  };
  if (tolerance.unit === 'sd') return { ...common, toleranceSd: tolerance.value };
  const { mean } = neighbourhoodStats(scalars, grid, seed, NEIGHBOURHOOD_RADIUS);
  return { ...common, tolerance: (Math.abs(mean) * tolerance.value) / 100 };
}
