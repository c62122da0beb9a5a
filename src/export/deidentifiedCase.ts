import { shiftDicomDate, type DeidentifySession } from '../deidentify';
import { studiesKey, type SpineLensState } from '../lesions';
import type { CaseFile } from './caseJson';
import { idFromTrackingUid, trackingUidFor } from './sr/trackingUid';

/**
 * The case file to go with de-identified images: every UID through the session's map (so the
 * reading still points at its images), dates shifted by the same days, the patient replaced by the
 * pseudonym, study and series descriptions dropped as the profile drops them from the images.
 * Lesion names, levels and notes are the reader's annotations and are kept.
 */
export function deidentifyCase(file: CaseFile, session: DeidentifySession): CaseFile {
  const uid = (value: string) => session.uids.remap(value);
  // The SR and SEG carry lesion and measurement ids as Tracking and Observation UIDs, which the profile remaps:
  // the case file's ids go through the same map, so all three name a lesion alike.
  const id = (value: string) => idFromTrackingUid(uid(trackingUidFor(value)));
  const lesionId = (value: string | undefined) => (value === undefined ? undefined : id(value));
  const seriesKey = (key: string) => {
    const [seriesUid = '', ...suffix] = key.split('|');
    return [uid(seriesUid), ...suffix].join('|');
  };
  const state: SpineLensState = {
    ...file.state,
    lesions: file.state.lesions.map((l) => ({ ...l, id: id(l.id) })),
    measurements: file.state.measurements.map((m) => ({
      ...m,
      id: id(m.id),
      ...(m.lesionId === undefined ? {} : { lesionId: lesionId(m.lesionId) }),
      studyInstanceUid: uid(m.studyInstanceUid),
      seriesKey: seriesKey(m.seriesKey),
      frameOfReferenceUid: uid(m.frameOfReferenceUid),
    })),
    labels: file.state.labels.map((l) => ({ ...l, studyInstanceUid: uid(l.studyInstanceUid), frameOfReferenceUid: uid(l.frameOfReferenceUid) })),
    segmentationSummaries: file.state.segmentationSummaries.map((s) => ({
      ...s,
      lesionId: id(s.lesionId),
      studyInstanceUid: uid(s.studyInstanceUid),
      seriesKey: seriesKey(s.seriesKey),
      seriesDescription: undefined,
    })),
    studiesKey: studiesKey(file.context.studies.map((s) => uid(s.studyInstanceUid))),
    baselineStudyUid: file.state.baselineStudyUid === undefined ? undefined : uid(file.state.baselineStudyUid),
    alignment: file.state.alignment?.map((a) => ({ ...a, fromStudyUid: uid(a.fromStudyUid), toStudyUid: uid(a.toStudyUid) })),
    levelChanges: file.state.levelChanges === undefined ? undefined : Object.fromEntries(Object.entries(file.state.levelChanges).map(([k, v]) => [id(k), v])),
    countedSeries: file.state.countedSeries?.map((c) => ({ studyInstanceUid: uid(c.studyInstanceUid), seriesKey: seriesKey(c.seriesKey) })),
  };
  const context = {
    patientName: session.patientName,
    patientId: session.patientId,
    studies: file.context.studies.map((s) => ({
      studyInstanceUid: uid(s.studyInstanceUid),
      date: shiftDicomDate(s.date, session.dayShift) ?? '',
      time: s.time,
      description: '',
      series: s.series.map((series) => ({
        seriesKey: seriesKey(series.seriesKey),
        seriesInstanceUid: uid(series.seriesInstanceUid),
        modality: series.modality,
        description: '',
      })),
    })),
  };
  return { ...file, context, state: JSON.parse(JSON.stringify(state)) as SpineLensState };
}
