import type { Timepoint } from '../../../lesions';
import type { ResponseResult } from '../../../response';

interface Props {
  title: string;
  results: readonly ResponseResult[];
  timepoints: readonly Timepoint[];
}

/** The category of each follow-up with the rule that decided it; ≈ marks a change within measurement variability. */
export function ResponseList({ title, results, timepoints }: Props) {
  const followups = results.filter((r) => r.category !== 'baseline');
  if (followups.length === 0) return null;
  const label = (uid: string) => timepoints.find((t) => t.studyInstanceUid === uid)?.label ?? uid;
  return (
    <div className="response-list" data-testid="response-list">
      <h4>{title}</h4>
      <ul>
        {followups.map((r) => {
          const within = r.fromBaseline?.withinVariability === true;
          return (
            <li key={r.studyInstanceUid} data-testid="response-item">
              <span className="muted">{label(r.studyInstanceUid)}</span>{' '}
              <strong className={`category category-${r.category}`} data-testid="response-category">
                {r.category}
              </strong>
              {within && (
                <span className="within-variability" title="The change from baseline is within measurement variability" data-testid="response-within-variability">
                  {' '}
                  ≈ within variability
                </span>
              )}
              <div className="rule" data-testid="response-rule">
                {r.rule}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
