import { lesionSummary, type Lesion, type SpineLensState } from '../../lesions';
import { mm3ToMl, type Measurement } from '../../measure';
import type { CaseContext, CaseStudy } from '../caseContext';
import { derivedObjectHeader, SPINELENS_IMPLEMENTATION_UID, writePart10, type DerivedObjectIds } from '../derivedObject';
import { CODES, levelCode } from './codes';
import { codeItem, container, numItem, textItem, uidItem, type ContentItem } from './contentItems';
import { measurementItems } from './measurementItems';
import { trackingUidFor } from './trackingUid';

export const COMPREHENSIVE_3D_SR = '1.2.840.10008.5.1.4.1.1.88.34';
export type ReportIds = DerivedObjectIds;

/** The Series Instance UID a measurement was made on (its series key holds it, with a suffix when a series was split). */
const seriesUidOf = (m: Measurement, study: CaseStudy): string => study.series.find((s) => s.seriesKey === m.seriesKey)?.seriesInstanceUid ?? m.seriesKey.split('|')[0] ?? '';

/**
 * A measurement on a series without a valid Pixel Spacing is left out, with a comment saying so: TID 1500 places it by
 * SCOORD3D in the frame of reference's millimetres and a reader takes its length as a physical one; its coordinates
 * and lengths are pixels, and no unit ("{pixels}" included) would make its SCOORD3D true. The case JSON keeps it.
 */
function calibratedOnly(measurements: readonly Measurement[], study: CaseStudy): { written: Measurement[]; note: ContentItem[] } {
  const left = measurements.filter((m) => m.uncalibrated === true);
  if (left.length === 0) return { written: [...measurements], note: [] };
  const series = [...new Set(left.map((m) => study.series.find((s) => s.seriesKey === m.seriesKey)))].map((s) =>
    s ? [s.modality, s.description].filter(Boolean).join(' ') || s.seriesInstanceUid : 'a series',
  );
  const text = `${left.length} measurement${left.length > 1 ? 's' : ''} left out: ${series.join(', ')} has no valid Pixel Spacing (0028,0030), so ${left.length > 1 ? 'their lengths are' : 'its length is'} in pixels, not mm (uncalibrated)`;
  return { written: measurements.filter((m) => m.uncalibrated !== true), note: [textItem('CONTAINS', CODES.comment, text)] };
}

function lesionGroup(state: SpineLensState, lesion: Lesion, study: CaseStudy): ContentItem | null {
  const studyUid = study.studyInstanceUid;
  const all = state.measurements.filter((m) => m.lesionId === lesion.id && m.studyInstanceUid === studyUid);
  const { written: measurements, note } = calibratedOnly(all, study);
  const segmentations = state.segmentationSummaries.filter((s) => s.lesionId === lesion.id && s.studyInstanceUid === studyUid);
  if (all.length === 0 && segmentations.length === 0) return null;
  const children: ContentItem[] = [
    textItem('HAS OBS CONTEXT', CODES.trackingIdentifier, lesion.name || 'Lesion'),
    uidItem('HAS OBS CONTEXT', CODES.trackingUniqueIdentifier, trackingUidFor(lesion.id)),
    codeItem('CONTAINS', CODES.finding, CODES.lesion),
  ];
  if (lesion.level) children.push(codeItem('HAS CONCEPT MOD', CODES.findingSite, levelCode(lesion.level)));
  children.push(...measurements.flatMap((m) => measurementItems(m, seriesUidOf(m, study))), ...note);
  const summary = lesionSummary(state, lesion.id, studyUid);
  if (summary.ellipsoidVolumeMl !== null) children.push(numItem(CODES.volume, summary.ellipsoidVolumeMl, CODES.ml, { method: CODES.ellipsoidFromDiameters }));
  for (const s of segmentations) children.push(numItem(CODES.volume, mm3ToMl(s.volumeMm3), CODES.ml, { method: CODES.sumOfSegmentedVoxelVolumes }));
  return container('CONTAINS', CODES.measurementGroup, children);
}

/** The measurements and arrows of the study that belong to no lesion: one group without a tracking identity. */
function unassignedGroup(state: SpineLensState, study: CaseStudy): ContentItem | null {
  const lesionIds = new Set(state.lesions.map((l) => l.id));
  const all = state.measurements.filter((m) => m.studyInstanceUid === study.studyInstanceUid && !(m.lesionId && lesionIds.has(m.lesionId)));
  const { written: loose, note } = calibratedOnly(all, study);
  return all.length ? container('CONTAINS', CODES.measurementGroup, [...loose.flatMap((m) => measurementItems(m, seriesUidOf(m, study))), ...note]) : null;
}

/** The TID 1500 report of one study: one measurement group per lesion measured or segmented in it. */
export function measurementReportDataset(state: SpineLensState, context: CaseContext, study: CaseStudy, ids: ReportIds): Record<string, unknown> {
  const groups = [...state.lesions.map((l) => lesionGroup(state, l, study)), unassignedGroup(state, study)].filter((g): g is ContentItem => g !== null);
  const root = container(null, CODES.imagingMeasurementReport, [
    codeItem('HAS CONCEPT MOD', CODES.languageOfContent, CODES.english),
    codeItem('HAS OBS CONTEXT', CODES.observerType, CODES.device),
    uidItem('HAS OBS CONTEXT', CODES.deviceObserverUid, SPINELENS_IMPLEMENTATION_UID),
    textItem('HAS OBS CONTEXT', CODES.deviceObserverName, 'SpineLens'),
    codeItem('HAS CONCEPT MOD', CODES.procedureReported, CODES.imagingProcedure),
    container('CONTAINS', CODES.imageLibrary, []),
    container('CONTAINS', CODES.imagingMeasurements, groups),
  ], { ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '1500' }] });
  return {
    ...derivedObjectHeader({ sopClassUid: COMPREHENSIVE_3D_SR, modality: 'SR', seriesNumber: '9901', seriesDescription: 'SpineLens measurements' }, context, study, ids),
    // Content, creation and observation times are written in UTC.
    TimezoneOffsetFromUTC: '+0000',
    CompletionFlag: 'PARTIAL',
    VerificationFlag: 'UNVERIFIED',
    ReferencedPerformedProcedureStepSequence: [],
    PerformedProcedureCodeSequence: [],
    ...root,
  };
}

/** The report as Part-10 bytes (explicit VR little endian). */
export function writeMeasurementReport(state: SpineLensState, context: CaseContext, study: CaseStudy, ids: ReportIds): ArrayBuffer {
  return writePart10(measurementReportDataset(state, context, study, ids), COMPREHENSIVE_3D_SR, ids.sopInstanceUid);
}
