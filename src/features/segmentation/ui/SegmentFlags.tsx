import type { SegmentView } from '../segmentationStore';
import { confirmSegment } from '../adapters/segmentationController';

/** The plausibility flags of a segment with their reasons, and the reader's confirmation. */
export function SegmentFlags({ seriesKey, segment }: { seriesKey: string; segment: SegmentView }) {
  if (segment.flags.length === 0) return null;
  return (
    <div className="seg-flags" role="alert" data-testid="seg-flags" data-codes={segment.flags.map((f) => f.code).join(' ')}>
      <ul>
        {segment.flags.map((f) => (
          <li key={f.code} data-testid={`seg-flag-${f.code}`}>
            {f.message}
          </li>
        ))}
      </ul>
      {segment.confirmedAt ? (
        <p className="muted" data-testid="seg-confirmed">
          Confirmed by the reader: this volume counts in the response.
        </p>
      ) : (
        <p>
          <span className="muted">Not counted in the response until confirmed. </span>
          <button type="button" data-testid="seg-confirm" title="The volume is right: count it in the response" onClick={() => confirmSegment(seriesKey, segment.label)}>
            Volume is right
          </button>
        </p>
      )}
    </div>
  );
}
