export {
  DIAMETER_VARIABILITY_MM,
  RECIST,
  THRESHOLD_EPSILON,
  VOLUME_VARIABILITY_PERCENT,
  VOLUMETRIC,
} from './constants';
export { change, percentChange, type Change } from './change';
export { diameterChangeWithinVariability, diameterVariabilityMm, volumeChangeWithinVariability } from './variability';
export {
  evaluateRecist,
  evaluateResponse,
  evaluateVolumetric,
  recistCriteria,
  volumetricCriteria,
  type ResponseCategory,
  type ResponseCriteria,
  type ResponseInput,
  type ResponseResult,
} from './evaluate';
export {
  patientResponse,
  sumOrNull,
  type LesionResponse,
  type PatientResponse,
  type ResponseOptions,
  type VolumeSource,
} from './fromState';
export {
  CHOICE_BASIS_TEXT,
  countedSeries,
  seriesInfo,
  seriesWithValues,
  type ChoiceBasis,
  type SeriesInfo,
  type SeriesLookup,
  type TimepointSeries,
} from './seriesChoice';
export { countedValues, seriesName, type CountedValue, type Provenance, type SourcedValue, type ValueMethod } from './countedValues';
export {
  QUANTITY_LABEL,
  QUANTITY_UNIT,
  TIMELINE_QUANTITIES,
  dicomDateSeconds,
  lesionTimeline,
  preferredVolumeSource,
  timelineChartData,
  type LesionTimeline,
  type TimelineCell,
  type TimelineChartData,
  type TimelineQuantity,
  type TimelineRow,
} from './timelineTable';
