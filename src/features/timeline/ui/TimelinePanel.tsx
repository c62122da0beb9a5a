import { useMemo } from 'react';
import { formatDicomDate } from '../../../dicom';
import { trackingSuggestions } from '../../../lesions';
import { countedSeries, lesionTimeline, patientResponse, preferredVolumeSource } from '../../../response';
import { useMeasurementStore } from '../../../state/measurementStore';
import { CountedSeriesChooser } from './CountedSeriesChooser';
import { LesionTimelineCard } from './LesionTimelineCard';
import { ResponseList } from './ResponseList';
import { useSeriesLookup } from './useSeriesLookup';
import { useTimepoints } from './useTimepoints';
import './timeline.css';

/** Lesion values over time with change from baseline and nadir, and the response per lesion and for the patient. */
export function TimelinePanel() {
  const state = useMeasurementStore((s) => s.state);
  const timepoints = useTimepoints();
  const seriesInfo = useSeriesLookup();
  const volumeSource = preferredVolumeSource(state);
  const response = useMemo(() => patientResponse(state, timepoints, { volumeSource, seriesInfo }), [state, timepoints, volumeSource, seriesInfo]);
  const timelines = useMemo(() => state.lesions.map((lesion) => lesionTimeline(state, lesion, timepoints, seriesInfo)), [state, timepoints, seriesInfo]);
  const choices = useMemo(() => countedSeries(state, timepoints, seriesInfo), [state, timepoints, seriesInfo]);
  const suggestions = useMemo(() => trackingSuggestions(state, timepoints), [state, timepoints]);
  const baseline = timepoints.find((t) => t.isBaseline);

  if (timepoints.length === 0) return <p className="muted">Load studies to see the timeline.</p>;
  return (
    <div className="timeline-panel" data-testid="timeline-panel">
      <label className="baseline-chooser">
        Baseline{' '}
        <select
          data-testid="baseline-select"
          value={baseline?.studyInstanceUid ?? ''}
          onChange={(e) => useMeasurementStore.getState().setBaselineStudy(e.target.value || undefined)}
        >
          {timepoints.map((t) => (
            <option key={t.studyInstanceUid} value={t.studyInstanceUid}>
              {formatDicomDate(t.date) || 'date unknown'}
            </option>
          ))}
        </select>
      </label>
      <ol className="timepoints" data-testid="timepoints">
        {timepoints.map((t, i) => (
          <li key={t.studyInstanceUid} className={t.isBaseline ? 'baseline' : undefined} data-testid="timepoint">
            <strong>{t.label}</strong> <span className="muted">{formatDicomDate(t.date)}</span>
            {choices[i] && <CountedSeriesChooser choice={choices[i]} lookup={seriesInfo} />}
          </li>
        ))}
      </ol>
      {state.lesions.length === 0 ? (
        <p className="muted">No lesions yet: measure one and make it a lesion in the Lesions tab.</p>
      ) : (
        <>
          <section className="patient-response" data-testid="patient-response">
            <h3>Patient response</h3>
            <p className="muted">
              {response.targetLesionIds.length} target lesion{response.targetLesionIds.length === 1 ? '' : 's'}; volumes:{' '}
              {volumeSource === 'segmented' ? 'segmented' : 'ellipsoid (no segmentation yet)'}.
            </p>
            <ResponseList title="RECIST 1.1 (sum of longest diameters)" results={response.recist} timepoints={timepoints} />
            <ResponseList title="Volumetric (total volume)" results={response.volumetric} timepoints={timepoints} />
          </section>
          {timelines.map((timeline) => (
            <LesionTimelineCard
              key={timeline.lesionId}
              timeline={timeline}
              response={response.perLesion.find((r) => r.lesionId === timeline.lesionId)}
              timepoints={timepoints}
              suggestions={suggestions.filter((s) => s.lesionId === timeline.lesionId)}
              lesions={state.lesions}
            />
          ))}
        </>
      )}
    </div>
  );
}
