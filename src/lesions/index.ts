export {
  VERTEBRAE,
  formatLevel,
  isVertebra,
  nextLevelDown,
  nextLevelUp,
  parseLevel,
  vertebraAt,
  vertebraIndex,
  type LevelRange,
  type Vertebra,
} from './vertebrae';
export type { VertebralLabel } from './vertebralLabel';
export {
  MAX_EXTRAPOLATION_LEVELS,
  NEAR_CENTRE_FRACTION,
  assignLevel,
  type LevelAssignment,
  type LevelBasis,
} from './assignLevel';
export {
  LESION_SITES,
  LESION_STATUSES,
  type Lesion,
  type LesionSite,
  type LesionStatus,
  type SegmentationFlag,
  type SegmentationSummary,
} from './lesion';
export { STATE_VERSION, emptyState, studiesKey, type CountedSeriesChoice, type LevelChange, type SpineLensState } from './state';
export { measurementPlane, planeOfNormal, type Plane } from './measurementPlane';
export { spineLensStateSchema } from './stateSchema';
export {
  MIGRATIONS,
  migrateSavedState,
  parseSavedState,
  serialiseState,
  type Migrations,
  type ParseResult,
} from './savedState';
export {
  AUTO_CC_MAX_ANGLE_DEG,
  lesionPosition,
  isFlagged,
  lesionSummary,
  measurementsByLesionAndTimepoint,
  type LesionTimepointSummary,
} from './lesionSummary';
export {
  DAYS_PER_MONTH,
  intervalLabel,
  timepointsFromStudies,
  type StudyDate,
  type Timepoint,
} from './timepoints';
export {
  alignmentFromLandmarks,
  applyAlignment,
  applyStudyAlignment,
  pairLabels,
  type Alignment,
  type LabelPair,
  type LandmarkPair,
  type RigidTransform,
  type StudyAlignment,
} from './alignment';
export { applyRotation, rigidFit, type Mat3 } from './rigidFit';
export {
  LEVEL_PENALTY_MM,
  MAX_MATCH_DISTANCE_MM,
  compareLevels,
  suggestMatch,
  type LesionLocation,
  type LevelRelation,
  type MatchSuggestion,
} from './suggestMatch';
export { candidateKey, trackingSuggestions, type TrackingCandidate, type TrackingSuggestion } from './trackingSuggestions';
export { mergeStates } from './mergeStates';
export { withUncalibratedMarks } from './uncalibratedMarks';
