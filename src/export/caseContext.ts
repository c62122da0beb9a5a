/** What the export needs to know about the loaded studies, beyond the saved state (plain data). */
export interface CaseSeries {
  /** SeriesNode key: Series Instance UID, plus a suffix when a mixed series was split. */
  seriesKey: string;
  seriesInstanceUid: string;
  modality: string;
  description: string;
}

export interface CaseStudy {
  studyInstanceUid: string;
  /** DICOM DA (YYYYMMDD). */
  date: string;
  /** DICOM TM. */
  time: string;
  description: string;
  series: readonly CaseSeries[];
}

export interface CaseContext {
  patientName: string;
  patientId: string;
  studies: readonly CaseStudy[];
}
