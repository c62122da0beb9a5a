export { writeMeasurementReport, measurementReportDataset, COMPREHENSIVE_3D_SR, type ReportIds } from './writeReport';
export { readMeasurementReport, type ReadReportResult, type ReportContents, type SeriesKeyFor } from './readReport';
export { trackingUidFor, idFromTrackingUid } from './trackingUid';
export { CODES, levelCode, type Code } from './codes';
export { annotationOfMeasurement, type AnnotationPlacement } from './annotationOfMeasurement';
