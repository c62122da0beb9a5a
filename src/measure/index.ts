export type {
  ArrowAnnotation,
  BidirectionalMeasurement,
  DiameterAxis,
  EllipseRoiMeasurement,
  FreehandRoiMeasurement,
  LengthMeasurement,
  Measurement,
  MeasurementBase,
  MeasurementKind,
  ProbeMeasurement,
  RoiStats,
  StatsUnit,
} from './types';
export { DIAMETER_AXES } from './types';
export { bidirectionalAxes, lengthMm, lineAngleDeg, type BidirectionalAxes } from './length';
export { ellipsoidVolumeMl, mlToMm3, mm3ToMl } from './volume';
export {
  ORTHOGONALITY_TOLERANCE_DEG,
  craniocaudalAxis,
  orthogonalDiameters,
  type OrthogonalDiameterInput,
  type OrthogonalDiameters,
} from './orthogonalDiameters';
export { MINUS, UNCALIBRATED_PX, formatMl, formatMm, formatPercent, formatSignedMm, formatUncalibratedPx } from './format';
export { measurementCentre } from './centre';
