import { useMeasurementStore } from '../state/measurementStore';
import { useViewerStore } from '../state/viewerStore';
import { bidirectionalAxes, formatMm, lengthMm, type Measurement } from '../measure';
import { formatDicomDate } from '../dicom/format';
import type { PatientNode, StudyNode } from '../dicom/types';
import { deleteMeasurement, jumpToMeasurement } from '../viewer/annotationSync';

const KIND_NAMES: Record<Measurement['kind'], string> = {
  length: 'Length',
  bidirectional: 'Bidirectional',
  ellipse: 'Ellipse',
  freehand: 'Freehand',
  probe: 'Probe',
  arrow: 'Arrow',
};

/** The numbers of a measurement as shown: "12.3 mm", "20.1 × 11.0 mm", "41 HU". */
export function measurementValue(m: Measurement): string {
  switch (m.kind) {
    case 'length':
      return formatMm(lengthMm(...m.points));
    case 'bidirectional': {
      const { longMm, shortMm } = bidirectionalAxes(m);
      return `${formatMm(longMm).replace(' mm', '')} × ${formatMm(shortMm)}`;
    }
    case 'ellipse':
    case 'freehand':
      return `${m.stats.areaMm2.toFixed(1)} mm² · mean ${m.stats.mean.toFixed(1)}${m.stats.unit ? ` ${m.stats.unit}` : ''}`;
    case 'probe':
      return `${m.value.toFixed(1)}${m.unit ? ` ${m.unit}` : ''}`;
    case 'arrow':
      return m.text;
  }
}

interface StudyGroup {
  uid: string;
  title: string;
  measurements: Measurement[];
}

function groupByStudy(measurements: readonly Measurement[], patients: readonly PatientNode[]): StudyGroup[] {
  const studies = patients.flatMap((p) => p.studies);
  const order = (uid: string) => {
    const i = studies.findIndex((s) => s.studyInstanceUid === uid);
    return i < 0 ? studies.length : i;
  };
  const uids = [...new Set(measurements.map((m) => m.studyInstanceUid))].sort((a, b) => order(a) - order(b));
  return uids.map((uid) => ({
    uid,
    title: studyTitle(studies.find((s) => s.studyInstanceUid === uid)),
    measurements: measurements.filter((m) => m.studyInstanceUid === uid).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  }));
}

function studyTitle(study: StudyNode | undefined): string {
  if (!study) return 'Study not loaded';
  const date = study.date ? formatDicomDate(study.date) : 'Undated study';
  return study.description ? `${date} · ${study.description}` : date;
}

/** The measurements of the loaded studies, by study: click one to show its slice. */
export function MeasurementPanel() {
  const measurements = useMeasurementStore((s) => s.state.measurements);
  const savePending = useMeasurementStore((s) => s.savePending);
  const storageError = useMeasurementStore((s) => s.storageError);
  const patients = useViewerStore((s) => s.patients);
  const groups = groupByStudy(measurements, patients);
  return (
    <div className="measurement-panel" data-testid="measurement-panel">
      {groups.length === 0 && <p className="muted">No measurements yet. Pick Length (l) or Bidirectional (b) and drag on an image.</p>}
      {groups.map((group) => (
        <section key={group.uid}>
          <h3>{group.title}</h3>
          <ul>
            {group.measurements.map((m) => (
              <li key={m.id} className="measurement-item" data-testid="measurement-item" data-kind={m.kind}>
                <button type="button" className="measurement-jump" title="Show this measurement" onClick={() => jumpToMeasurement(m)}>
                  <span className="measurement-kind">{m.label || KIND_NAMES[m.kind]}</span>
                  <span className="measurement-value" data-testid="measurement-value">
                    {measurementValue(m)}
                  </span>
                </button>
                <button type="button" aria-label={`Delete ${KIND_NAMES[m.kind]} ${measurementValue(m)}`} data-testid="measurement-delete" onClick={() => deleteMeasurement(m.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className={storageError ? 'error' : 'muted'} data-testid="autosave-status">
        {storageError ? 'Not saved' : savePending ? 'Saving…' : 'Saved in this browser'}
      </p>
    </div>
  );
}
