import { createPortal } from 'react-dom';
import { formatDicomDate } from '../../../dicom';
import { chartPoints, type ReportLesion, type TumourBoardReport as Report } from '../../../export';
import { formatUncalibratedPx } from '../../../measure';
import type { KeyImage } from './keyImages';
import './report.css';

const number = (value: number | null, decimals: number) => (value === null ? '–' : value.toFixed(decimals));

const CHART = { width: 300, height: 120, margin: 34, axis: 100 };

/** The lesion's volume over time, or its longest diameter when it has no volume yet: each point named by its timepoint. */
function LesionChart({ lesion, volumeSource }: { lesion: ReportLesion; volumeSource: Report['volumeSource'] }) {
  const volumes = lesion.rows.map((r) => (volumeSource === 'segmented' ? r.segmentedVolumeMl : r.ellipsoidVolumeMl));
  const useVolumes = volumes.some((v) => v !== null);
  const values = useVolumes ? volumes : lesion.rows.map((r) => r.longestDiameterMm);
  const unit = useVolumes ? 'mL' : 'mm';
  // The plot stands between the value labels above and the timepoint labels under the axis.
  const points = chartPoints(values, CHART.width, CHART.axis + 8, CHART.margin);
  if (points.length === 0) return null;
  const quantity = useVolumes ? `${volumeSource} volume` : 'longest diameter';
  return (
    <figure className="report-chart-figure">
      <svg className="report-chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={`${lesion.name}: ${quantity} over time`}>
        <line x1={CHART.margin - 10} y1={CHART.axis} x2={CHART.width - CHART.margin + 10} y2={CHART.axis} stroke="#888" />
        <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#1f5fa8" strokeWidth="2" />
        {points.map((p) => (
          <g key={p.x}>
            <circle cx={p.x} cy={p.y} r="3" fill="#1f5fa8" />
            <text x={p.x} y={Math.max(10, p.y - 7)} fontSize="9" textAnchor="middle">
              {p.value.toFixed(useVolumes ? 2 : 1)} {unit}
            </text>
            <text x={p.x} y={CHART.axis + 13} fontSize="9" textAnchor="middle" fill="#444">
              {lesion.rows[p.index]?.timepoint}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{quantity.replace(/^./, (c) => c.toUpperCase())} ({unit}) over time</figcaption>
    </figure>
  );
}

/** The printable tumour-board page: shown only when printing (print CSS), never over the viewer on screen. */
export function TumourBoardReport({ report, images }: { report: Report; images: readonly KeyImage[] }) {
  return createPortal(
    <article className="print-report" data-testid="print-report">
      <header>
        <h1>Tumour board: spinal lesions</h1>
        <p>
          <strong>{report.patientName.replace(/\^/g, ' ')}</strong> · ID {report.patientId}
        </p>
        <p>{report.studies.map((s) => `${s.timepoint} ${formatDicomDate(s.date)} ${s.description}`.trim()).join(' · ')}</p>
      </header>
      {images.length > 0 && (
        <section className="report-images">
          {images.map((image) => (
            <figure key={image.id}>
              <img src={image.dataUrl} alt={image.caption} />
              <figcaption>{image.caption}</figcaption>
            </figure>
          ))}
        </section>
      )}
      {report.lesions.map((lesion) => (
        <section key={lesion.name + lesion.level} className="report-lesion">
          <h2>
            {lesion.name} {lesion.level && `· ${lesion.level}`}
          </h2>
          <table>
            <thead>
              <tr>
                <th>Timepoint</th>
                <th>Date</th>
                <th>Longest diameter (mm)</th>
                <th>Ellipsoid volume (mL)</th>
                <th>Segmented volume (mL)</th>
              </tr>
            </thead>
            <tbody>
              {lesion.rows.map((row) => (
                <tr key={row.timepoint}>
                  <td>{row.timepoint}</td>
                  <td>{formatDicomDate(row.date)}</td>
                  <td>{row.longestDiameterMm === null && row.uncalibratedLongestPx !== null ? formatUncalibratedPx(row.uncalibratedLongestPx) : number(row.longestDiameterMm, 1)}</td>
                  <td>{row.ellipsoidVolumeMl === null && row.uncalibratedLongestPx !== null ? 'needs a calibrated series' : number(row.ellipsoidVolumeMl, 2)}</td>
                  <td>{number(row.segmentedVolumeMl, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LesionChart lesion={lesion} volumeSource={report.volumeSource} />
        </section>
      ))}
      <section className="report-response">
        <h2>Response</h2>
        {[
          ['RECIST 1.1 (sum of longest diameters)', report.recist],
          [`Volumetric (${report.volumeSource} volume)`, report.volumetric],
        ].map(([title, lines]) => (
          <div key={title as string}>
            <h3>{title as string}</h3>
            <ul>
              {(lines as Report['recist']).map((l) => (
                <li key={l.timepoint}>
                  <strong>{l.timepoint}: {l.category}</strong> — {l.rule}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </article>,
    document.body,
  );
}
