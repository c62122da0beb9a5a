import { useMemo } from 'react';
import { timepointsFromStudies, type Timepoint } from '../../../lesions';
import { useMeasurementStore } from '../../../state/measurementStore';
import { useViewerStore } from '../../../state/viewerStore';

/** The loaded studies as timepoints, relative to the chosen (or earliest) baseline. */
export function useTimepoints(): Timepoint[] {
  const patients = useViewerStore((s) => s.patients);
  const baselineUid = useMeasurementStore((s) => s.state.baselineStudyUid);
  return useMemo(
    () =>
      timepointsFromStudies(
        patients.flatMap((p) => p.studies.map((s) => ({ studyInstanceUid: s.studyInstanceUid, date: s.date, time: s.time }))),
        baselineUid,
      ),
    [patients, baselineUid],
  );
}
