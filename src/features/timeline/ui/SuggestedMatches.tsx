import type { Lesion, Timepoint, TrackingSuggestion } from '../../../lesions';
import { useMeasurementStore } from '../../../state/measurementStore';
import { linkSuggestion } from './linkSuggestion';

interface Props {
  lesionName: string;
  /** This lesion's suggestions, best first per timepoint. */
  suggestions: readonly TrackingSuggestion[];
  timepoints: readonly Timepoint[];
  lesions: readonly Lesion[];
}

/** The best candidate per follow-up where a lesion seen at baseline is missing, with one click to link it. */
export function SuggestedMatches({ lesionName, suggestions, timepoints, lesions }: Props) {
  const measurements = useMeasurementStore((s) => s.state.measurements);
  const best = timepoints.flatMap((t) => suggestions.find((s) => s.studyInstanceUid === t.studyInstanceUid) ?? []);
  if (best.length === 0) return null;
  const describe = (s: TrackingSuggestion): string => {
    const c = s.candidate;
    if (c.kind === 'segmentation') return `segmentation of ${lesions.find((l) => l.id === c.fromLesionId)?.name ?? 'another lesion'}`;
    const m = measurements.find((x) => x.id === c.measurementId);
    return `unlinked ${m?.kind ?? ''} measurement${m?.label ? ` "${m.label}"` : ''}`;
  };
  return (
    <ul className="suggested-matches">
      {best.map((s) => {
        const where = [s.level && `at ${s.level}`, s.distanceMm !== null && `${s.distanceMm.toFixed(0)} mm from the aligned baseline position`]
          .filter(Boolean)
          .join(', ');
        return (
          <li key={s.studyInstanceUid} data-testid="suggested-match" data-kind={s.candidate.kind}>
            Suggested match at {timepoints.find((t) => t.studyInstanceUid === s.studyInstanceUid)?.label}: {describe(s)}
            {where && ` (${where})`}{' '}
            <button type="button" data-testid="link-suggestion" onClick={() => linkSuggestion(s)}>
              Link to {lesionName}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
