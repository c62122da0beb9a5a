import { TAG, numberOf, stringOf, stringsOf, type DicomJsonDataset } from './dicomJson';

/** What the reader searches by. Dates are ISO (YYYY-MM-DD) as date inputs give them; empty means any. */
export interface StudySearch {
  patientName?: string;
  patientId?: string;
  dateFrom?: string;
  dateTo?: string;
  modality?: string;
  studyInstanceUid?: string;
}

export interface StudySummary {
  studyInstanceUid: string;
  patientName: string;
  patientId: string;
  patientBirthDate: string;
  /** ISO date, or '' when the study has none. */
  studyDate: string;
  description: string;
  accessionNumber: string;
  modalities: string[];
  seriesCount: number | null;
  instanceCount: number | null;
}

const dicomDate = (iso: string) => iso.replaceAll('-', '');
const isoDate = (da: string) => (/^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : '');

/** A plain reason the search cannot be sent, or null. */
export function searchProblem(search: StudySearch): string | null {
  for (const [label, value] of [['From', search.dateFrom], ['To', search.dateTo]] as const) {
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${label} date "${value}" is not a date (YYYY-MM-DD).`;
  }
  if (search.dateFrom && search.dateTo && search.dateFrom > search.dateTo) return 'The From date is after the To date.';
  return null;
}

/** QIDO-RS query parameters (PS3.18 8.3.4): names match as a prefix unless the reader typed a wildcard. */
export function studyQueryParams(search: StudySearch): URLSearchParams {
  const params = new URLSearchParams();
  const name = search.patientName?.trim();
  if (name) params.set('PatientName', /[*?]/.test(name) ? name : `${name}*`);
  const id = search.patientId?.trim();
  if (id) params.set('PatientID', id);
  if (search.dateFrom || search.dateTo) params.set('StudyDate', `${dicomDate(search.dateFrom ?? '')}-${dicomDate(search.dateTo ?? '')}`);
  const modality = search.modality?.trim().toUpperCase();
  if (modality) params.set('ModalitiesInStudy', modality);
  if (search.studyInstanceUid) params.set('StudyInstanceUID', search.studyInstanceUid);
  for (const tag of [TAG.studyDescription, TAG.modalitiesInStudy, TAG.numberOfStudyRelatedSeries, TAG.numberOfStudyRelatedInstances]) {
    params.append('includefield', tag);
  }
  return params;
}

export function studySummary(dataset: DicomJsonDataset): StudySummary | null {
  const studyInstanceUid = stringOf(dataset, TAG.studyInstanceUid);
  if (!studyInstanceUid) return null;
  return {
    studyInstanceUid,
    patientName: stringOf(dataset, TAG.patientName),
    patientId: stringOf(dataset, TAG.patientId),
    patientBirthDate: isoDate(stringOf(dataset, TAG.patientBirthDate)),
    studyDate: isoDate(stringOf(dataset, TAG.studyDate)),
    description: stringOf(dataset, TAG.studyDescription),
    accessionNumber: stringOf(dataset, TAG.accessionNumber),
    modalities: stringsOf(dataset, TAG.modalitiesInStudy),
    seriesCount: numberOf(dataset, TAG.numberOfStudyRelatedSeries),
    instanceCount: numberOf(dataset, TAG.numberOfStudyRelatedInstances),
  };
}

/** Newest first, as a worklist reads. */
export function byDateDescending(a: StudySummary, b: StudySummary): number {
  return b.studyDate.localeCompare(a.studyDate) || a.studyInstanceUid.localeCompare(b.studyInstanceUid);
}

/** A patient's name for display: "PHANTOM^CSPINE" → "PHANTOM, CSPINE". */
export function displayName(pn: string): string {
  const [family = '', given = ''] = pn.split('^');
  return given ? `${family}, ${given}` : family;
}
