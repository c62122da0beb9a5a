/** Segmentation core: pure TypeScript, no DOM/React/Cornerstone. */
export type { Connectivity, Index3, IndexBox, ScalarArray, VolumeGrid } from './types';
export {
  assertGridArray,
  indexToWorld,
  indexToWorldMatrix,
  isInsideGrid,
  linearIndex,
  totalVoxels,
  voxelVolumeMm3,
  worldToIndex,
} from './volumeGrid';
export { boxContains, boxSize, boxVoxelCount, clampBox, fullBox, padBox } from './indexBox';
export { pasteMask } from './maskCrop';
export {
  regionGrow,
  regionGrowMask,
  type RegionGrowMaskResult,
  type RegionGrowOptions,
  type RegionGrowResult,
  type RegionGrowSummary,
} from './regionGrow';
export { runGrow, paintRuns, type GrownRuns, type RunGrowParams } from './runGrow';
export {
  DEFAULT_TOLERANCE_SD,
  intensityRange,
  neighbourhoodStats,
  type NeighbourhoodStats,
  type RangeOptions,
} from './seedStatistics';
export { fillHoles3d, fillHolesSlices } from './holeFilling';
export { dilateBall, erodeBall, openBall } from './morphology';
export { floodReplace, keepComponent } from './binaryFlood';
export { featureField, squaredEdt2d, squaredEdt3d, type DistanceArray } from './distanceTransform';
export { labelStats, type LabelStats } from './labelStats';
export { convexHull2d, perpendicularDiameter, pointSetDiameter, type Diameter } from './diameters';
export { interpolateSlices, signedDistance2d, type SliceAxis, type SliceInterpolationResult } from './interpolateSlices';
export { applyDiff, diffAgainstSnapshot, diffLabelmaps, snapshotBox, type LabelmapDiff } from './labelmapDiff';
export { LabelmapHistory, type LabelmapHistoryOptions } from './labelmapHistory';
export { decodeRle, encodeRle, rleNonZeroCount, type RleLabelmap } from './rle';
export { sliceBlocks, gapBeside, type SliceBlock, type SliceLayout } from './sliceBlocks';
export { otherTimepointVolume, type TimepointVolume } from './otherTimepoint';
export { lineGuide, MIN_LINE_MM, type LineGuide } from './lineGuide';
export { adaptiveGrow, sphereBox, DEFAULT_EDGE_LEVEL, type AdaptiveGrowOptions, type AdaptiveGrowResult, type ConfiningSphere, type IntensityModel, type IntensityPrior } from './adaptiveGrow';
export { seriesGrid } from './seriesGrid';
export { plausibilityFlags, MIN_VOXELS, ELLIPSOID_FACTOR, TIMEPOINT_GROWTH_FACTOR, TIMEPOINT_SHRINK_FACTOR, type PlausibilityInput } from './plausibility';
