import { parseCaseJson, readMeasurementReport } from '../../export';
import { mergeStates, type SpineLensState } from '../../lesions';
import { useMeasurementStore } from '../../state/measurementStore';
import { useViewerStore } from '../../state/viewerStore';

export type ImportOutcome = { ok: true; message: string } | { ok: false; reason: string };

/** The loaded series of a study in a frame of reference (the SR names only the frame). */
function seriesKeyFor(studyUid: string, frameOfReferenceUid: string): string {
  const study = useViewerStore.getState().patients.flatMap((p) => p.studies).find((s) => s.studyInstanceUid === studyUid);
  return study?.series.find((s) => s.frameOfReferenceUid === frameOfReferenceUid)?.key ?? study?.series[0]?.key ?? '';
}

const loadedStudyUids = () => new Set(useViewerStore.getState().patients.flatMap((p) => p.studies.map((s) => s.studyInstanceUid)));

/**
 * Adds what the file holds to the reading; on an id both have, the file's version wins, except that
 * an SR (which has no site, status or notes) leaves a lesion the reading already has as it is.
 */
function addToReading(imported: Partial<SpineLensState>, keepKnownLesions: boolean): void {
  const { state, annotations, replaceAll } = useMeasurementStore.getState();
  const incoming: SpineLensState = { ...state, lesions: [], measurements: [], labels: [], segmentationSummaries: [], ...imported };
  if (keepKnownLesions) incoming.lesions = incoming.lesions.map((l) => state.lesions.find((x) => x.id === l.id) ?? l);
  replaceAll(mergeStates(state.studiesKey, state, incoming), annotations);
}

/** Opens a case JSON or a DICOM SR written by SpineLens beside the loaded images. */
export async function importReading(file: File): Promise<ImportOutcome> {
  const bytes = await file.arrayBuffer();
  const loaded = loadedStudyUids();
  if (/\.json$/i.test(file.name)) {
    const parsed = parseCaseJson(new TextDecoder().decode(bytes), file.name);
    if (!parsed.ok) return parsed;
    const studies = parsed.file.context.studies.filter((s) => loaded.has(s.studyInstanceUid));
    if (studies.length === 0) return { ok: false, reason: `${file.name} is the reading of other studies: open its images first.` };
    const { state } = parsed.file;
    addToReading({ lesions: state.lesions, measurements: state.measurements, labels: state.labels, segmentationSummaries: state.segmentationSummaries }, false);
    return { ok: true, message: `Added ${state.lesions.length} lesion(s) and ${state.measurements.length} measurement(s) from ${file.name}.` };
  }
  const read = readMeasurementReport(bytes, file.name, seriesKeyFor);
  if (!read.ok) return read;
  if (!loaded.has(read.report.studyInstanceUid)) return { ok: false, reason: `${file.name} reports on a study that is not open: open its images first.` };
  addToReading({ lesions: read.report.lesions, measurements: read.report.measurements }, true);
  return { ok: true, message: `Added ${read.report.lesions.length} lesion(s) and ${read.report.measurements.length} measurement(s) from ${file.name}.` };
}
