/** Reading values from DICOM JSON (PS3.18 F.2): {"0020000D": {"vr": "UI", "Value": [...]}}. */
export type DicomJsonDataset = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

export function isDicomJsonDataset(value: unknown): value is DicomJsonDataset {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function values(dataset: DicomJsonDataset, tag: string): unknown[] {
  const element = dataset[tag] ?? dataset[tag.toLowerCase()];
  return Array.isArray(element?.Value) ? element.Value : [];
}

export function stringOf(dataset: DicomJsonDataset, tag: string): string {
  const first = values(dataset, tag)[0];
  if (typeof first === 'string') return first;
  if (typeof first === 'number') return String(first);
  if (typeof first === 'object' && first !== null && 'Alphabetic' in first && typeof first.Alphabetic === 'string') return first.Alphabetic;
  return '';
}

export function stringsOf(dataset: DicomJsonDataset, tag: string): string[] {
  return values(dataset, tag).filter((v): v is string => typeof v === 'string');
}

export function numberOf(dataset: DicomJsonDataset, tag: string): number | null {
  const first = values(dataset, tag)[0];
  const n = typeof first === 'number' ? first : typeof first === 'string' ? Number(first) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function sequenceOf(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  return values(dataset, tag).filter(isDicomJsonDataset);
}

export const TAG = {
  studyDate: '00080020',
  studyTime: '00080030',
  accessionNumber: '00080050',
  modality: '00080060',
  modalitiesInStudy: '00080061',
  studyDescription: '00081030',
  seriesDescription: '0008103E',
  sopClassUid: '00080016',
  sopInstanceUid: '00080018',
  patientName: '00100010',
  patientId: '00100020',
  patientBirthDate: '00100030',
  studyInstanceUid: '0020000D',
  seriesInstanceUid: '0020000E',
  seriesNumber: '00200011',
  instanceNumber: '00200013',
  numberOfStudyRelatedSeries: '00201206',
  numberOfStudyRelatedInstances: '00201208',
  failureReason: '00081197',
  failedSopSequence: '00081198',
  referencedSopSequence: '00081199',
  referencedSopInstanceUid: '00081155',
} as const;
