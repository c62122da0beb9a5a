export type { CaseContext, CaseSeries, CaseStudy } from './caseContext';
export { measurementRows, roundForUnit, type MeasurementRow } from './measurementRows';
export { CSV_COLUMNS, measurementsCsv } from './csv';
export { CASE_FORMAT, CASE_FORMAT_VERSION, caseFile, caseJson, parseCaseJson, type CaseFile, type CaseParseResult } from './caseJson';
export { deidentifyCase } from './deidentifiedCase';
export { teachingCaseEntries, type TeachingCaseEntries, type TeachingCaseInput, type TeachingDerivedObject, type TeachingImage } from './teachingCase';
export * from './sr';
export { tumourBoardReport, chartPoints, type TumourBoardReport, type ReportLesion, type ReportLesionRow, type ReportResponseLine } from './report/reportModel';
export * from './seg';
