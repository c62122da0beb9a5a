import { uidFromRandomBytes } from '../../deidentify';
import { writeMeasurementReport, type CaseContext } from '../../export';
import type { SpineLensState } from '../../lesions';

const newUid = () => uidFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)));

/** One TID 1500 report per study that has measurements, arrows or volumes, in its own new SR series. */
export function structuredReports(state: SpineLensState, context: CaseContext): { studyIndex: number; bytes: ArrayBuffer }[] {
  const now = new Date();
  return context.studies.flatMap((study, index) => {
    const hasReading =
      state.measurements.some((m) => m.studyInstanceUid === study.studyInstanceUid) ||
      state.segmentationSummaries.some((s) => s.studyInstanceUid === study.studyInstanceUid);
    if (!hasReading) return [];
    const bytes = writeMeasurementReport(state, context, study, { seriesInstanceUid: newUid(), sopInstanceUid: newUid(), now });
    return [{ studyIndex: index + 1, bytes }];
  });
}
