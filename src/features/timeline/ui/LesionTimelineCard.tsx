import type { Lesion, Timepoint, TrackingSuggestion } from '../../../lesions';
import { timelineChartData, type LesionResponse, type LesionTimeline } from '../../../response';
import { useMeasurementStore } from '../../../state/measurementStore';
import { LesionChart } from './LesionChart';
import { LesionTable } from './LesionTable';
import { ResponseList } from './ResponseList';
import { SuggestedMatches } from './SuggestedMatches';

interface Props {
  timeline: LesionTimeline;
  response: LesionResponse | undefined;
  timepoints: readonly Timepoint[];
  /** Findings of follow-ups that may be this lesion, best first. */
  suggestions: readonly TrackingSuggestion[];
  lesions: readonly Lesion[];
}

/** One lesion: flags, chart, table and its own response. */
export function LesionTimelineCard({ timeline, response, timepoints, suggestions, lesions }: Props) {
  const chart = timelineChartData(timeline);
  const baselineRow = timeline.rows.find((r) => r.timepoint.isBaseline);
  const firstSeenLater = baselineRow !== undefined && !baselineRow.measured && timeline.rows.some((r) => r.measured);
  const hasValues = Object.values(chart.series).some((s) => s.some((v) => v !== null));
  return (
    <section className="lesion-timeline" data-testid="lesion-timeline" data-lesion-id={timeline.lesionId}>
      <h3>
        {timeline.name}
        {timeline.level && <span className="muted"> · {timeline.level}</span>}
        {timeline.status === 'new' && (
          <span className="flag flag-new" data-testid="flag-new" title="Absent at baseline: its appearance counts as progression">
            New lesion
          </span>
        )}
        {timeline.status === 'resolved' && <span className="flag">Resolved</span>}
      </h3>
      {timeline.notMeasuredAt.length > 0 && (
        <div className="not-measured" data-testid="not-measured">
          Not measured at {timeline.notMeasuredAt.join(', ')}.{' '}
          <button type="button" onClick={() => useMeasurementStore.getState().setLesionStatus(timeline.lesionId, 'resolved')} data-testid="mark-resolved">
            Mark resolved
          </button>
        </div>
      )}
      <SuggestedMatches lesionName={timeline.name} suggestions={suggestions} timepoints={timepoints} lesions={lesions} />
      {firstSeenLater && timeline.status === 'tracked' && (
        <div className="not-at-baseline" data-testid="not-at-baseline">
          Not seen at baseline.{' '}
          <button type="button" onClick={() => useMeasurementStore.getState().setLesionStatus(timeline.lesionId, 'new')} data-testid="mark-new">
            Mark new
          </button>
        </div>
      )}
      {timeline.status !== 'tracked' && (
        <button type="button" className="link-button" onClick={() => useMeasurementStore.getState().setLesionStatus(timeline.lesionId, 'tracked')} data-testid="unmark-status">
          Track again
        </button>
      )}
      {hasValues && <LesionChart data={chart} />}
      <LesionTable timeline={timeline} />
      {response && (
        <>
          <ResponseList title="RECIST 1.1 (longest diameter)" results={response.recist} timepoints={timepoints} />
          <ResponseList title="Volumetric" results={response.volumetric} timepoints={timepoints} />
        </>
      )}
    </section>
  );
}
