import { idFromTrackingUid, parseCaseJson, readMeasurementReport, readSegmentation, segmentationHeader } from '../../export';
import type { Lesion } from '../../lesions';
import { mergeStates, type SpineLensState } from '../../lesions';
import { useMeasurementStore } from '../../state/measurementStore';
import { useViewerStore } from '../../state/viewerStore';
import { drawImportedMeasurements } from '../measurements';
import { labelmapLayout, loadSegmentsIntoSeries } from '../segmentation';

export type ImportOutcome = { ok: true; message: string } | { ok: false; reason: string };

/** The loaded series a measurement of the SR was made on: the one it names, else one in its frame of reference. */
function seriesKeyFor(studyUid: string, frameOfReferenceUid: string, seriesInstanceUid: string): string {
  const study = useViewerStore.getState().patients.flatMap((p) => p.studies).find((s) => s.studyInstanceUid === studyUid);
  const named = seriesInstanceUid ? study?.series.find((s) => s.seriesInstanceUid === seriesInstanceUid) : undefined;
  return named?.key ?? study?.series.find((s) => s.frameOfReferenceUid === frameOfReferenceUid)?.key ?? study?.series[0]?.key ?? '';
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
  // An SR holds points, not drawings: the measurements are drawn from them on their images.
  drawImportedMeasurements(read.report.measurements);
  return { ok: true, message: `Added ${read.report.lesions.length} lesion(s) and ${read.report.measurements.length} measurement(s) from ${file.name}.` };
}

/** The lesion a SEG segment belongs to: the one with its tracking UID, else one of the same name, else a new one. */
function lesionForSegment(trackingUid: string, name: string, created: Lesion[]): string {
  const lesions = [...useMeasurementStore.getState().state.lesions, ...created];
  const id = trackingUid ? idFromTrackingUid(trackingUid) : '';
  const known = lesions.find((l) => l.id === id) ?? (name ? lesions.find((l) => l.name === name) : undefined);
  if (known) return known.id;
  const lesion: Lesion = { id: id || crypto.randomUUID(), name, level: '', levelSource: 'auto', site: 'other', notes: '', status: 'tracked', createdAt: new Date().toISOString() };
  created.push(lesion);
  return lesion.id;
}

/** Opens a DICOM SEG beside its images: each segment becomes its lesion's segmentation of the referenced series. */
export async function importSegmentation(bytes: ArrayBuffer, fileName: string): Promise<ImportOutcome> {
  const header = segmentationHeader(bytes, fileName);
  if (!header.ok) return header;
  const study = useViewerStore.getState().patients.flatMap((p) => p.studies).find((s) => s.studyInstanceUid === header.studyInstanceUid);
  const series = study?.series.find((s) => s.seriesInstanceUid === header.referencedSeriesInstanceUid && s.geometry?.isVolume);
  if (!series) return { ok: false, reason: `${fileName} segments a series that is not open (or not a volume): open its images first.` };
  let layout;
  try {
    layout = await labelmapLayout(series);
  } catch {
    return { ok: false, reason: `${fileName}: the images of its series could not be loaded as a volume.` };
  }
  const read = readSegmentation(bytes, fileName, layout);
  if (!read.ok) return read;
  const created: Lesion[] = [];
  const masks = read.seg.segments.map((s) => ({ lesionId: lesionForSegment(s.trackingUid, s.name, created), voxels: s.voxels }));
  if (created.length) addToReading({ lesions: created }, true);
  const added = await loadSegmentsIntoSeries(series, masks);
  const kept = masks.length - added.length;
  return { ok: true, message: `Added the segmentation of ${added.length} lesion(s) from ${fileName}${kept ? ` (${kept} already segmented in this series, kept as they were)` : ''}.` };
}

const isSegmentation = (bytes: ArrayBuffer): boolean => segmentationHeader(bytes, '').ok;

/** Opens several reading files together: case JSON and SR first (they bring the lesions), then SEG. */
export async function importReadings(files: readonly File[]): Promise<ImportOutcome[]> {
  const read = await Promise.all(files.map(async (file) => ({ file, bytes: await file.arrayBuffer() })));
  const segs = read.filter((r) => !/\.json$/i.test(r.file.name) && isSegmentation(r.bytes));
  const outcomes: ImportOutcome[] = [];
  for (const r of read.filter((x) => !segs.includes(x))) outcomes.push(await importReading(r.file));
  for (const r of segs) outcomes.push(await importSegmentation(r.bytes, r.file.name));
  return outcomes;
}
