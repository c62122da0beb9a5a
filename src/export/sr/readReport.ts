import dcmjs from 'dcmjs';
import type { Lesion } from '../../lesions';
import { mlToMm3, type Measurement } from '../../measure';
import { CODES, sameCode, type Code } from './codes';
import type { ContentItem } from './contentItems';
import { asArray, childOf, children, conceptOf, measurementsOfGroup, numberOf, textOf } from './readMeasurements';
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

/** Which loaded series a measurement belongs to: the SR names its frame of reference and its series. */
export type SeriesKeyFor = (studyInstanceUid: string, frameOfReferenceUid: string, seriesInstanceUid: string) => string;

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
    // A group without a tracking identity holds the measurements and arrows of no lesion.
    const lesionId = trackingUid ? idFromTrackingUid(trackingUid) : undefined;
    if (lesionId) {
      const level = (asArray(childOf(group, CODES.findingSite)?.['ConceptCodeSequence'])[0] as Code | undefined)?.CodeValue ?? '';
      report.lesions.push({
        id: lesionId,
        name: textOf(childOf(group, CODES.trackingIdentifier)?.['TextValue']),
        level,
        levelSource: 'user',
        site: 'other',
        notes: '',
        status: 'tracked',
        createdAt: String(dataset['ContentDate'] ?? ''),
      });
    }
    const context = { studyInstanceUid, ...(lesionId ? { lesionId } : {}), seriesKeyFor: (frame: string, series: string) => seriesKeyFor(studyInstanceUid, frame, series) };
    report.measurements.push(...measurementsOfGroup(group, context, trackingUid || studyInstanceUid));
    for (const item of children(group).filter((c) => c['ValueType'] === 'NUM' && sameCode(conceptOf(c), CODES.volume))) {
      const method = asArray(childOf(item, CODES.measurementMethod)?.['ConceptCodeSequence'])[0] as Code | undefined;
      if (lesionId && sameCode(method, CODES.sumOfSegmentedVoxelVolumes)) report.segmentedVolumes.push({ lesionId, volumeMm3: mlToMm3(numberOf(item).value) });
    }
  }
  return { ok: true, report };
}
