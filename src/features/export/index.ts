/** The export feature: the only way other code uses it. */
export { ExportButton, openExportDialog } from './ui/ExportButton';
export { exportCaseJson, exportMeasurementsCsv, exportStructuredReports, exportTeachingCase } from './actions';
