import { formatMl, formatMm, formatPercent, formatSignedMm, formatUncalibratedPx } from '../../../measure/format';
import { QUANTITY_LABEL, QUANTITY_UNIT, TIMELINE_QUANTITIES, type Change, type LesionTimeline, type TimelineQuantity } from '../../../response';
import { ValueSource } from './ValueSource';

/** A value in its unit; a length from a series without a valid Pixel Spacing in px, never mm. */
const formatValue = (q: TimelineQuantity, v: number, uncalibrated?: true) =>
  uncalibrated ? formatUncalibratedPx(v) : QUANTITY_UNIT[q] === 'mL' ? formatMl(v) : formatMm(v);
const formatDelta = (q: TimelineQuantity, v: number) => (QUANTITY_UNIT[q] === 'mL' ? `${v > 0 ? '+' : ''}${formatMl(v)}` : formatSignedMm(v));

function ChangeCell({ quantity, change }: { quantity: TimelineQuantity; change: Change | null }) {
  if (!change) return <td />;
  return (
    <td className={change.withinVariability ? 'within-variability' : undefined} title={change.withinVariability ? 'Within measurement variability' : undefined}>
      <span data-testid="change-percent">{formatPercent(change.percent)}</span>
      <br />
      <span className="muted">{formatDelta(quantity, change.absolute)}</span>
      {change.withinVariability && <span data-testid="within-variability"> ≈</span>}
    </td>
  );
}

/** One table per quantity that has a value: each timepoint's value with change from baseline and from nadir. */
export function LesionTable({ timeline }: { timeline: LesionTimeline }) {
  const quantities = TIMELINE_QUANTITIES.filter((q) => timeline.rows.some((r) => r.cells[q].value !== null || r.cells[q].notComputed));
  if (quantities.length === 0) return <p className="muted">No diameter or volume measured yet.</p>;
  return (
    <>
      {quantities.map((q) => (
        <table key={q} className="timeline-table" data-testid={`timeline-table-${q}`}>
          <caption>{QUANTITY_LABEL[q]}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Value</th>
              <th scope="col">From baseline</th>
              <th scope="col">From nadir</th>
            </tr>
          </thead>
          <tbody>
            {timeline.rows.map((row) => {
              const cell = row.cells[q];
              return (
                <tr key={row.timepoint.studyInstanceUid} data-testid="timeline-row">
                  <th scope="row">{row.timepoint.label}</th>
                  <td className="timeline-value" data-testid="timeline-value">
                    {cell.value === null ? (cell.notComputed ? <span data-testid="value-not-computed">{cell.notComputed}</span> : '—') : formatValue(q, cell.value, cell.uncalibrated)}
                    {cell.excludedBecause && (
                      <span className="flag flag-warn" data-testid="value-excluded" title={cell.excludedBecause}>
                        {cell.uncalibrated ? 'uncalibrated' : cell.provenance?.flags.length && !cell.provenance.confirmedAt ? 'flagged' : 'not compared'}
                      </span>
                    )}
                    {cell.provenance && (
                      <>
                        <br />
                        <ValueSource provenance={cell.provenance} />
                      </>
                    )}
                    {cell.excludedBecause && <div className="excluded-reason">{cell.excludedBecause}.</div>}
                    {cell.others.map((o) => (
                      <div key={o.provenance.seriesKey} className="other-series-value" data-testid="other-series-value">
                        also {formatValue(q, o.value, o.uncalibrated)} (not counted) · <ValueSource provenance={o.provenance} />
                        {o.excludedBecause && <span className="flag flag-warn">{o.uncalibrated ? 'uncalibrated' : 'flagged'}</span>}
                      </div>
                    ))}
                  </td>
                  <ChangeCell quantity={q} change={cell.fromBaseline} />
                  <ChangeCell quantity={q} change={cell.fromNadir} />
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </>
  );
}
