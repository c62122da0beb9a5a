import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import type { InstanceMeta, PatientNode } from '../../../dicom/types';
import type { CaseContext } from '../../../export';
import type { SpineLensState } from '../../../lesions';
import { useMeasurementStore } from '../../../state/measurementStore';
import { useViewerStore } from '../../../state/viewerStore';
import { imageIdForSop } from '../../../viewer/imageRegistry';

/** The patient whose studies the reading belongs to (the first one holding a study of the reading). */
function patientOfReading(patients: readonly PatientNode[], state: SpineLensState): PatientNode | undefined {
  const readingStudies = new Set(state.studiesKey.split('|'));
  return patients.find((p) => p.studies.some((s) => readingStudies.has(s.studyInstanceUid))) ?? patients[0];
}

/** The loaded studies and the reading, as plain data for the export core. */
export function loadedCase(): { state: SpineLensState; context: CaseContext; instances: InstanceMeta[] } {
  const { patients, instances } = useViewerStore.getState();
  const state = useMeasurementStore.getState().state;
  const patient = patientOfReading(patients, state);
  const context: CaseContext = {
    patientName: patient?.patientName ?? '',
    patientId: patient?.patientId ?? '',
    studies: (patient?.studies ?? []).map((study) => ({
      studyInstanceUid: study.studyInstanceUid,
      date: study.date,
      time: study.time,
      description: study.description,
      series: study.series.map((s) => ({ seriesKey: s.key, seriesInstanceUid: s.seriesInstanceUid, modality: s.modality, description: s.description })),
    })),
  };
  const studyUids = new Set(context.studies.map((s) => s.studyInstanceUid));
  return { state, context, instances: instances.filter((i) => studyUids.has(i.studyInstanceUid)) };
}

/** The bytes of a loaded file, as the image loader holds them (the app keeps no other copy). */
export async function instanceBytes(instance: InstanceMeta): Promise<ArrayBuffer | null> {
  const imageId = imageIdForSop(instance.sopInstanceUid, 0);
  const index = Number(/^dicomfile:(\d+)/.exec(imageId ?? '')?.[1]);
  if (!Number.isInteger(index)) return null;
  const blob = dicomImageLoader.wadouri.fileManager.get(index);
  return blob ? blob.arrayBuffer() : null;
}
