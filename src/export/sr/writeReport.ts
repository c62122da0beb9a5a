import { lesionSummary, type Lesion, type SpineLensState } from '../../lesions';
import { bidirectionalAxes, lengthMm, mm3ToMl, type Measurement } from '../../measure';
import type { CaseContext, CaseStudy } from '../caseContext';
import { derivedObjectHeader, SPINELENS_IMPLEMENTATION_UID, writePart10, type DerivedObjectIds } from '../derivedObject';
import { CODES, levelCode } from './codes';
import { codeItem, container, numItem, scoord3d, textItem, uidItem, type ContentItem } from './contentItems';
import { trackingUidFor } from './trackingUid';

export const COMPREHENSIVE_3D_SR = '1.2.840.10008.5.1.4.1.1.88.34';
export type ReportIds = DerivedObjectIds;

/** The NUM items of one measurement, each with the SCOORD3D it was measured on (patient coordinates). */
function measurementItems(m: Measurement): ContentItem[] {
  const uid = trackingUidFor(m.id);
  const frame = m.frameOfReferenceUid;
  switch (m.kind) {
    case 'length':
      return [numItem(CODES.length, lengthMm(...m.points), CODES.mm, { observationUid: uid, geometry: scoord3d('INFERRED FROM', null, 'POLYLINE', m.points, frame) })];
    case 'bidirectional': {
      const axes = bidirectionalAxes(m);
      const long = numItem(CODES.longAxis, axes.longMm, CODES.mm, { observationUid: uid, geometry: scoord3d('INFERRED FROM', null, 'POLYLINE', m.long, frame) });
      const short = numItem(CODES.shortAxis, axes.shortMm, CODES.mm, { geometry: scoord3d('INFERRED FROM', null, 'POLYLINE', m.short, frame) });
      return [long, short];
    }
    case 'ellipse':
    case 'freehand': {
      const geometry = m.kind === 'ellipse' ? scoord3d('INFERRED FROM', null, 'ELLIPSE', m.points, frame) : scoord3d('INFERRED FROM', null, 'POLYGON', [...m.points, m.points[0]!], frame);
      const meanUnit = m.stats.unit === 'HU' ? CODES.hu : CODES.noUnits;
      return [numItem(CODES.area, m.stats.areaMm2, CODES.mm2, { observationUid: uid, geometry }), numItem(CODES.mean, m.stats.mean, meanUnit)];
    }
    case 'probe':
      return [numItem(CODES.mean, m.value, m.unit === 'HU' ? CODES.hu : CODES.noUnits, { observationUid: uid, geometry: scoord3d('INFERRED FROM', null, 'POINT', [m.point], frame) })];
    case 'arrow':
      return [];
  }
}

function lesionGroup(state: SpineLensState, lesion: Lesion, studyUid: string): ContentItem | null {
  const measurements = state.measurements.filter((m) => m.lesionId === lesion.id && m.studyInstanceUid === studyUid);
  const segmentations = state.segmentationSummaries.filter((s) => s.lesionId === lesion.id && s.studyInstanceUid === studyUid);
  if (measurements.length === 0 && segmentations.length === 0) return null;
  const children: ContentItem[] = [
    textItem('HAS OBS CONTEXT', CODES.trackingIdentifier, lesion.name || 'Lesion'),
    uidItem('HAS OBS CONTEXT', CODES.trackingUniqueIdentifier, trackingUidFor(lesion.id)),
    codeItem('CONTAINS', CODES.finding, CODES.lesion),
  ];
  if (lesion.level) children.push(codeItem('HAS CONCEPT MOD', CODES.findingSite, levelCode(lesion.level)));
  children.push(...measurements.flatMap(measurementItems));
  const summary = lesionSummary(state, lesion.id, studyUid);
  if (summary.ellipsoidVolumeMl !== null) children.push(numItem(CODES.volume, summary.ellipsoidVolumeMl, CODES.ml, { method: CODES.ellipsoidFromDiameters }));
  for (const s of segmentations) children.push(numItem(CODES.volume, mm3ToMl(s.volumeMm3), CODES.ml, { method: CODES.sumOfSegmentedVoxelVolumes }));
  return container('CONTAINS', CODES.measurementGroup, children);
}


/** The TID 1500 report of one study: one measurement group per lesion measured or segmented in it. */
export function measurementReportDataset(state: SpineLensState, context: CaseContext, study: CaseStudy, ids: ReportIds): Record<string, unknown> {
  const groups = state.lesions.map((l) => lesionGroup(state, l, study.studyInstanceUid)).filter((g): g is ContentItem => g !== null);
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
