import dcmjs from 'dcmjs';
import type { Vec3 } from '../../geometry/vec3';
import type { Lesion } from '../../lesions';
import { mlToMm3, type Measurement } from '../../measure';
import { CODES, sameCode, type Code } from './codes';
import type { ContentItem } from './contentItems';
import { COMPREHENSIVE_3D_SR } from './writeReport';
import { idFromTrackingUid } from './trackingUid';

export interface ReportContents {
  studyInstanceUid: string;
  lesions: Lesion[];
  measurements: Measurement[];
  /** Segmented volumes per lesion (the labelmaps themselves travel as SEG). */
  segmentedVolumes: { lesionId: string; volumeMm3: number }[];
}

export type ReadReportResult = { ok: true; report: ReportContents } | { ok: false; reason: string };

/** Which loaded series a measurement belongs to: the SR names only the frame of reference. */
export type SeriesKeyFor = (studyInstanceUid: string, frameOfReferenceUid: string) => string;

const asArray = (value: unknown): ContentItem[] => (Array.isArray(value) ? (value as ContentItem[]) : value ? [value as ContentItem] : []);
const conceptOf = (item: ContentItem): Code | undefined => asArray(item['ConceptNameCodeSequence'])[0] as Code | undefined;
const children = (item: ContentItem): ContentItem[] => asArray(item['ContentSequence']);
const childOf = (item: ContentItem, concept: Code) => children(item).find((c) => sameCode(conceptOf(c), concept));

function points(item: ContentItem | undefined): Vec3[] {
  const data = (item?.['GraphicData'] ?? []) as number[];
  const out: Vec3[] = [];
  for (let i = 0; i + 2 < data.length; i += 3) out.push([Number(data[i]), Number(data[i + 1]), Number(data[i + 2])]);
  return out;
}

function numberOf(item: ContentItem): { value: number; unit: Code | undefined } {
  const measured = asArray(item['MeasuredValueSequence'])[0] ?? {};
  return { value: Number(measured['NumericValue']), unit: asArray(measured['MeasurementUnitsCodeSequence'])[0] as Code | undefined };
}

/** Reads a SpineLens-style TID 1500 report back into lesions and measurements in patient coordinates. */
export function readMeasurementReport(bytes: ArrayBuffer, fileName: string, seriesKeyFor: SeriesKeyFor): ReadReportResult {
  let dataset: ContentItem;
  try {
    const parsed = dcmjs.data.DicomMessage.readFile(bytes);
    dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(parsed.dict);
  } catch {
    return { ok: false, reason: `${fileName} could not be read as a DICOM file.` };
  }
  if (dataset['SOPClassUID'] !== COMPREHENSIVE_3D_SR || !sameCode(conceptOf(dataset), CODES.imagingMeasurementReport)) {
    return { ok: false, reason: `${fileName} is not a measurement report (TID 1500 in a Comprehensive 3D SR).` };
  }
  const studyInstanceUid = String(dataset['StudyInstanceUID'] ?? '');
  const report: ReportContents = { studyInstanceUid, lesions: [], measurements: [], segmentedVolumes: [] };
  const groups = children(childOf(dataset, CODES.imagingMeasurements) ?? {}).filter((g) => sameCode(conceptOf(g), CODES.measurementGroup));
  for (const group of groups) {
    const trackingUid = String(childOf(group, CODES.trackingUniqueIdentifier)?.['UID'] ?? '');
    const lesionId = idFromTrackingUid(trackingUid);
    const level = (asArray(childOf(group, CODES.findingSite)?.['ConceptCodeSequence'])[0] as Code | undefined)?.CodeValue ?? '';
    report.lesions.push({
      id: lesionId,
      name: String(childOf(group, CODES.trackingIdentifier)?.['TextValue'] ?? ''),
      level,
      levelSource: 'user',
      site: 'other',
      notes: '',
      status: 'tracked',
      createdAt: String(dataset['ContentDate'] ?? ''),
    });
    const items = children(group).filter((c) => c['ValueType'] === 'NUM');
    items.forEach((item, index) => {
      const concept = conceptOf(item);
      const geometry = children(item).find((c) => c['ValueType'] === 'SCOORD3D');
      const frameOfReferenceUid = String(geometry?.['ReferencedFrameOfReferenceUID'] ?? '');
      const base = {
        id: idFromTrackingUid(String(item['ObservationUID'] ?? `${trackingUid}.${index}`)),
        studyInstanceUid,
        seriesKey: seriesKeyFor(studyInstanceUid, frameOfReferenceUid),
        frameOfReferenceUid,
        createdAt: '',
        label: '',
        lesionId,
      };
      const { value, unit } = numberOf(item);
      const p = points(geometry);
      if (sameCode(concept, CODES.length) && p.length === 2) report.measurements.push({ ...base, kind: 'length', points: [p[0]!, p[1]!] });
      if (sameCode(concept, CODES.longAxis) && p.length === 2) {
        const short = points(children(items[index + 1] ?? {}).find((c) => c['ValueType'] === 'SCOORD3D'));
        if (short.length === 2) report.measurements.push({ ...base, kind: 'bidirectional', long: [p[0]!, p[1]!], short: [short[0]!, short[1]!], shortAxisSet: true });
      }
      if (sameCode(concept, CODES.area) && geometry?.['GraphicType'] === 'ELLIPSE' && p.length === 4) {
        const mean = items[index + 1] && sameCode(conceptOf(items[index + 1]!), CODES.mean) ? numberOf(items[index + 1]!) : null;
        report.measurements.push({
          ...base,
          kind: 'ellipse',
          points: [p[0]!, p[1]!, p[2]!, p[3]!],
          stats: { areaMm2: value, mean: mean?.value ?? 0, sd: 0, min: mean?.value ?? 0, max: mean?.value ?? 0, unit: mean?.unit?.CodeValue === CODES.hu.CodeValue ? 'HU' : '' },
        });
      }
      if (sameCode(concept, CODES.mean) && geometry?.['GraphicType'] === 'POINT' && p.length === 1) {
        report.measurements.push({ ...base, kind: 'probe', point: p[0]!, value, unit: unit?.CodeValue === CODES.hu.CodeValue ? 'HU' : '' });
      }
      const method = asArray(childOf(item, CODES.measurementMethod)?.['ConceptCodeSequence'])[0] as Code | undefined;
      if (sameCode(concept, CODES.volume) && sameCode(method, CODES.sumOfSegmentedVoxelVolumes)) report.segmentedVolumes.push({ lesionId, volumeMm3: mlToMm3(value) });
    });
  }
  return { ok: true, report };
}
