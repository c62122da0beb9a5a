import { useMeasurementStore } from '../../../state/measurementStore';
import { useSaveStatusStore } from '../../../state/saveStatusStore';
import { useViewerStore } from '../../../state/viewerStore';
import { LabelingControls } from '../../labelling';
import { LesionCard } from './LesionCard';
import { MeasurementRow } from './MeasurementRow';
import { TextRequestForm } from './TextRequestForm';

/** Lesions with their measurements per timepoint, the measurements not yet in a lesion, and the labels. */
export function MeasurementPanel() {
  const state = useMeasurementStore((s) => s.state);
  const savePending = useSaveStatusStore((s) => s.savePending);
  const storageError = useSaveStatusStore((s) => s.storageError);
  const patients = useViewerStore((s) => s.patients);
  const studies = patients.flatMap((p) => p.studies);
  const unassigned = state.measurements.filter((m) => m.lesionId === undefined || !state.lesions.some((l) => l.id === m.lesionId));
  return (
    <div className="measurement-panel" data-testid="measurement-panel">
      <TextRequestForm />
      <LabelingControls />
      {state.lesions.map((lesion) => (
        <LesionCard key={lesion.id} lesion={lesion} lesions={state.lesions} studies={studies} />
      ))}
      {unassigned.length > 0 && (
        <section>
          <h3>Not in a lesion</h3>
          <ul>
            {unassigned.map((m) => (
              <MeasurementRow key={m.id} measurement={m} lesions={state.lesions} />
            ))}
          </ul>
        </section>
      )}
      {state.measurements.length === 0 && <p className="muted">No measurements yet. Pick Length (l) or Bidirectional (b) and drag on an image.</p>}
      <p className={storageError ? 'error' : 'muted'} data-testid="autosave-status">
        {storageError ? 'Not saved' : savePending ? 'Saving…' : 'Saved in this browser'}
      </p>
    </div>
  );
}
