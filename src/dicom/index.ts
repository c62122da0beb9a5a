export type * from './types';
export { parseInstance } from './parseInstance';
export { buildSeries } from './buildSeries';
export { formatDicomDate, formatDicomTime, formatPersonName } from './format';
export {
  directionLetters,
  describeSeriesGeometry,
  orientationLabel,
  planeOfNormal,
  sliceNormal,
  type OrientationLabel,
} from './orientation';
export { sopClassName } from './sopClasses';
export { isSupportedTransferSyntax, transferSyntaxName } from './transferSyntaxes';
export { formatTag } from './tagNames';
export { safeText } from './safeText';
export { isUncalibratedSeries } from './calibration';
