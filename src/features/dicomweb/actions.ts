import { importSources } from '../import';
import { useViewerStore } from '../../state/viewerStore';
import { listInstances, searchStudies, type DicomWebServer } from './core/client';
import { DicomWebError, errorMessage } from './core/errors';
import { remoteFiles, type RemoteFile } from './core/studySources';
import { deliverReadingObjects, isReadingObject } from './readingObjects';
import { displayName, type StudySummary } from './core/studySearch';
import { selectedServer, useDicomWebStore } from './store';

/** The server chosen in the PACS panel, as the client needs it (the proxy holds any password). */
export function currentServer(): DicomWebServer | null {
  return selectedServer();
}

function requireServer(): DicomWebServer {
  const server = currentServer();
  if (!server) throw new DicomWebError('notFound', 'Add a DICOMweb server first (PACS panel).');
  return server;
}

export async function runSearch(): Promise<void> {
  const store = useDicomWebStore.getState();
  const problem = store.validateSearch();
  if (problem) return store.setError(problem);
  store.setBusy('search');
  store.setError(null);
  try {
    useDicomWebStore.getState().setResults(await searchStudies(requireServer(), store.search));
  } catch (error) {
    useDicomWebStore.getState().setResults(null);
    useDicomWebStore.getState().setError(error);
  } finally {
    useDicomWebStore.getState().setBusy(null);
  }
}

export function loadedStudyUids(): Set<string> {
  return new Set(useViewerStore.getState().patients.flatMap((p) => p.studies.map((s) => s.studyInstanceUid)));
}

/**
 * Opens a study through the same pipeline as local files (each instance retrieved as its DICOM file),
 * so measurements, segmentation, comparison and autosave behave the same. Then lists the patient's priors.
 */
export async function openStudy(study: Pick<StudySummary, 'studyInstanceUid'> & Partial<StudySummary>): Promise<void> {
  const store = useDicomWebStore.getState();
  store.setBusy('open');
  store.setError(null);
  try {
    const server = requireServer();
    const refs = await listInstances(server, study.studyInstanceUid);
    const failures: unknown[] = [];
    const images = refs.filter((ref) => !isReadingObject(ref));
    const files = remoteFiles(server, images, { ahead: true }).map(
      (file): RemoteFile => ({ name: file.name, read: () => file.read().catch((error: unknown) => (failures.push(error), Promise.reject(error))) }),
    );
    const what = study.studyDate ? `the study of ${study.studyDate}` : 'the study';
    // Already in retrieval order: the middle of the largest series first, shown as soon as it arrives.
    await importSources(files, `Opening ${what} from ${server.name}`, { inGivenOrder: true });
    // A reading stored on the PACS (SpineLens SR and SEG) comes back with its study.
    await deliverReadingObjects(server, refs).catch((error: unknown) => useDicomWebStore.getState().setError(`The stored reading could not be opened: ${errorMessage(error)}`));
    if (failures.length > 0) {
      useDicomWebStore.getState().setError(`${failures.length} of ${images.length} images could not be retrieved: ${errorMessage(failures[0])}`);
    }
    const patientId = study.patientId ?? (await searchStudies(server, { studyInstanceUid: study.studyInstanceUid }))[0]?.patientId;
    if (patientId) await findPriors(server, patientId);
  } catch (error) {
    useDicomWebStore.getState().setError(error);
  } finally {
    useDicomWebStore.getState().setBusy(null);
  }
}

async function findPriors(server: DicomWebServer, patientId: string): Promise<void> {
  const studies = await searchStudies(server, { patientId });
  // An exact ID match only: QIDO may match more loosely on some servers.
  useDicomWebStore.getState().setPriors(studies.filter((s) => s.patientId === patientId));
}

export function patientLabel(study: StudySummary): string {
  return `${displayName(study.patientName) || 'Unnamed'}${study.patientId ? ` (${study.patientId})` : ''}`;
}

/**
 * ?pacs=<DICOMweb root> adds and selects a server and opens the PACS panel; &study=<Study Instance UID>
 * also opens that study. Returns whether a study is being opened (then the sample case is not).
 */
export function connectFromUrl(params: URLSearchParams): boolean {
  const url = params.get('pacs');
  if (!url) return false;
  const problem = useDicomWebStore.getState().addServer({ name: '', url });
  useViewerStore.getState().setPanel('pacs');
  if (problem) {
    useDicomWebStore.getState().setError(`The pacs address in the page link cannot be used: ${problem}`);
    return false;
  }
  const study = params.get('study');
  if (!study) return false;
  void openStudy({ studyInstanceUid: study });
  return true;
}
