import { useSyncExternalStore } from 'react';
import { assignLevel, type Lesion } from '../../../lesions';
import { measurementCentre, type DiameterAxis, type Measurement } from '../../../measure';
import { useMeasurementStore } from '../../../state/measurementStore';
import { findSeries, useViewerStore } from '../../../state/viewerStore';
import { isMeasurementSelected, subscribeToSelection } from '../adapters/annotationSelection';
import { deleteMeasurement, jumpToMeasurement } from '../adapters/annotationSync';
import { KIND_NAMES, measurementValue } from './measurementValue';

const AXIS_LABELS: Record<DiameterAxis, string> = { ap: 'AP', transverse: 'Transverse', cc: 'Craniocaudal' };

interface Props {
  measurement: Measurement;
  lesions: readonly Lesion[];
}

/** One measurement: its value and level, the diameter it gives, its lesion; click to show it. */
export function MeasurementRow({ measurement: m, lesions }: Props) {
  const labels = useMeasurementStore((s) => s.state.labels);
  const store = useMeasurementStore.getState;
  const autoLevel = assignLevel(measurementCentre(m), labels.filter((l) => l.studyInstanceUid === m.studyInstanceUid), m.frameOfReferenceUid)?.level;
  const level = m.level ?? autoLevel;
  const levelChange = useMeasurementStore((s) => s.state.levelChanges?.[m.id]);
  // The one Delete would remove is marked, so the reader knows before pressing it.
  const selected = useSyncExternalStore(subscribeToSelection, () => isMeasurementSelected(m.id));
  // Without a valid Pixel Spacing the image is in pixels: no millimetres may be shown for it.
  const seriesCalibrated = useViewerStore((s) => findSeries(s.patients, m.seriesKey)?.frames.every((f) => f.instance.frames[f.frameIndex]?.pixelSpacing) ?? true);
  const calibrated = seriesCalibrated && m.uncalibrated !== true;
  const value = measurementValue(m, calibrated);
  return (
    <li className={selected ? 'measurement-item selected' : 'measurement-item'} data-testid="measurement-item" data-kind={m.kind} aria-current={selected ? 'true' : undefined}>
      <div className="measurement-main">
        <button type="button" className="measurement-jump" title="Show this measurement" onClick={() => jumpToMeasurement(m)}>
          <span className="measurement-kind">{m.label || KIND_NAMES[m.kind]}</span>
          <span className="measurement-value" data-testid="measurement-value">
            {value}
          </span>
          {m.kind === 'bidirectional' && m.shortAxisSet === false && (
            <span className="flag" data-testid="short-axis-not-set" title="The short axis is the one the tool drew: drag one of its ends to measure it. Until then it is not used.">
              short axis not set
            </span>
          )}
          {level && (
            <span className="measurement-level" data-testid="measurement-level">
              {level}
            </span>
          )}
        </button>
        <button type="button" aria-label={`Delete ${KIND_NAMES[m.kind]} ${value}`} data-testid="measurement-delete" onClick={() => deleteMeasurement(m.id)}>
          ×
        </button>
      </div>
      {levelChange && (
        <div className="level-change" role="status" data-testid="level-change">
          <span>
            Level changed by the edit: {levelChange.from} → {levelChange.to}
          </span>
          <button type="button" onClick={() => store().keepPreviousLevel(m.id)} data-testid="level-keep">
            Keep {levelChange.from}
          </button>
          <button type="button" onClick={() => store().acceptLevelChange(m.id)} data-testid="level-accept">
            Use {levelChange.to}
          </button>
        </div>
      )}
      <div className="measurement-links">
        <input
          aria-label="Level of this measurement"
          className="measurement-level-input"
          data-testid="measurement-level-edit"
          placeholder={autoLevel ?? 'level'}
          title={autoLevel ? `From the labels: ${autoLevel}. Type to override.` : 'Label vertebrae to get levels, or type one'}
          value={m.level ?? ''}
          onChange={(e) => store().setMeasurementLevel(m.id, e.target.value)}
        />
        {m.kind === 'length' && (
          <select
            aria-label="Diameter this length measures"
            data-testid="measurement-axis"
            value={m.axis ?? ''}
            onChange={(e) => store().setMeasurementAxis(m.id, (e.target.value || null) as DiameterAxis | null)}
          >
            <option value="">no axis</option>
            {(Object.keys(AXIS_LABELS) as DiameterAxis[]).map((axis) => (
              <option key={axis} value={axis}>
                {AXIS_LABELS[axis]}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="Lesion"
          data-testid="measurement-lesion"
          value={m.lesionId ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            if (value === '__new') store().createLesionFromMeasurement(m.id);
            else store().assignMeasurement(m.id, value || null);
          }}
        >
          <option value="">no lesion</option>
          {lesions.map((lesion) => (
            <option key={lesion.id} value={lesion.id}>
              {lesion.name}
            </option>
          ))}
          <option value="__new">New lesion…</option>
        </select>
      </div>
    </li>
  );
}
