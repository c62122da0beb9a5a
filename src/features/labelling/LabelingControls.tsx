import { VERTEBRAE, type Vertebra } from '../../lesions';
import { nextLabelIn, useLabelingStore } from './labelingStore';
import { useMeasurementStore } from '../../state/measurementStore';
import { findSeries, useViewerStore } from '../../state/viewerStore';
import { selectTool } from '../../viewer/toolGroup';
import { deleteLabel, finishLabelling } from './vertebraLabeling';

/** Vertebral labels: which level the next click places, and the labels placed per study. */
export function LabelingControls() {
  // The sequence shown and set is the one of the study in the active viewport.
  const activeStudy = useViewerStore((s) => findSeries(s.patients, s.slots[s.activeSlot]?.seriesKey ?? null)?.frames[0]?.instance.studyInstanceUid ?? '');
  const next = useLabelingStore((s) => nextLabelIn(s, activeStudy));
  const setNext = (vertebra: Vertebra) => useLabelingStore.getState().setNext(activeStudy, vertebra);
  const labels = useMeasurementStore((s) => s.state.labels);
  const active = useViewerStore((s) => s.activeTool === 'VertebraLabel');
  const patients = useViewerStore((s) => s.patients);
  const studies = patients.flatMap((p) => p.studies);
  return (
    <section className="labeling" data-testid="labeling-controls">
      <div className="labeling-row">
        <button type="button" aria-pressed={active} onClick={() => selectTool('VertebraLabel')} data-testid="label-tool">
          Label vertebrae (v)
        </button>
        {active && (
          <button type="button" onClick={finishLabelling} title="Finish labelling (Esc)" data-testid="labelling-finish">
            Done
          </button>
        )}
        <label>
          next{' '}
          <select aria-label="Next vertebra" data-testid="next-vertebra" value={next} onChange={(e) => setNext(e.target.value as Vertebra)}>
            {VERTEBRAE.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      {studies.map((study) => {
        const placed = labels.filter((l) => l.studyInstanceUid === study.studyInstanceUid);
        if (placed.length === 0) return null;
        return (
          <p key={study.studyInstanceUid} className="muted" data-testid="study-labels">
            {study.date.slice(0, 4)}-{study.date.slice(4, 6)}-{study.date.slice(6, 8)}:{' '}
            {placed.map((l) => (
              <button key={l.id} type="button" className="label-chip" title="Remove this label (Ctrl+Z brings it back)" onClick={() => deleteLabel(l.id)}>
                {l.vertebra} ×
              </button>
            ))}
          </p>
        );
      })}
    </section>
  );
}
