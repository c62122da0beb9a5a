import { useEffect, useRef } from 'react';
import type { SeriesNode } from '../dicom/types';
import { formatDicomDate, formatPersonName } from '../dicom';
import { useViewerStore } from '../state/viewerStore';
import { imageIdsForSeries } from '../viewer/imageRegistry';
import { drawThumbnail } from '../viewer/thumbnail';

/** The loader rejects with an Error or with { error, dataSet }. */
function decodeErrorText(e: unknown): string {
  const inner = (e as { error?: unknown } | null)?.error ?? e;
  if (inner instanceof Error) return inner.message;
  if (typeof inner === 'string') return inner;
  return 'the decoder gave no reason';
}

function Thumbnail({ series }: { series: SeriesNode }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    const imageIds = imageIdsForSeries(series);
    const imageId = imageIds[Math.floor(imageIds.length / 2)];
    if (!canvas || !imageId) return;
    drawThumbnail(canvas, imageId).catch((e: unknown) => {
      const fileName = series.frames[Math.floor(series.frames.length / 2)]?.instance.fileName ?? series.description;
      useViewerStore.getState().reportDecodeFailure(fileName, decodeErrorText(e));
    });
  }, [series]);
  return (
    <span className="thumb">
      <canvas ref={canvasRef} width={64} height={64} aria-hidden />
    </span>
  );
}

/** Closes a study: its images leave memory; its saved measurements and segmentations stay for when it is opened again. */
function CloseStudyButton({ studyInstanceUid, name }: { studyInstanceUid: string; name: string }) {
  const closeStudy = useViewerStore((s) => s.closeStudy);
  const tip = `Close study ${name} (frees its memory; saved work comes back when it is opened again)`;
  return (
    <button type="button" className="close-study" data-testid="close-study" aria-label={tip} title={tip} onClick={() => closeStudy(studyInstanceUid)}>
      ×
    </button>
  );
}

/** Patient → studies by date → series, with thumbnail, modality, description and image count. */
export function StudyBrowser({ opening }: { opening: boolean }) {
  const patients = useViewerStore((s) => s.patients);
  const activeSlot = useViewerStore((s) => s.activeSlot);
  const slots = useViewerStore((s) => s.slots);
  const showSeries = useViewerStore((s) => s.showSeries);
  const progress = useViewerStore((s) => s.progress);
  if (patients.length === 0 && (progress || opening))
    return (
      <p className="muted" data-testid="study-browser-opening">
        Opening… {progress && progress.total > 0 ? `${progress.done} of ${progress.total} files read` : ''}
      </p>
    );
  if (patients.length === 0) return <p className="muted">No images loaded. Open files or a folder, or drop them on the page.</p>;
  return (
    <div className="study-browser" data-testid="study-browser">
      {patients.map((patient) => (
        <section key={patient.patientId + patient.patientName} className="patient">
          <h2 title={`Patient ID ${patient.patientId}`}>
            {formatPersonName(patient.patientName) || '(no name)'} <span className="muted">{patient.patientId}</span>
          </h2>
          {patient.studies.map((study) => (
            <section key={study.studyInstanceUid} className="study">
              <h3 className="study-heading">
                <span className="study-title">
                  {formatDicomDate(study.date) || 'no date'} <span className="muted">{study.description}</span>
                </span>
                <CloseStudyButton studyInstanceUid={study.studyInstanceUid} name={`${formatDicomDate(study.date) || 'undated'} ${study.description}`.trim()} />
              </h3>
              <ul>
                {study.series.map((series) => {
                  const shownIn = slots.findIndex((s) => s.seriesKey === series.key);
                  return (
                    <li key={series.key}>
                      <button
                        type="button"
                        className={`series-item${shownIn === activeSlot ? ' shown' : ''}`}
                        data-testid="series-item"
                        data-series-key={series.key}
                        onClick={() => showSeries(activeSlot, series.key, series.geometry?.isVolume ? undefined : 'stack')}
                        title={series.warnings.join('\n')}
                      >
                        <Thumbnail series={series} />
                        <span className="series-text">
                          <span className="series-desc">{series.description || '(no description)'}</span>
                          <span className="muted">
                            {series.modality} · {series.frames.length} {series.frames.length === 1 ? 'image' : 'images'}
                            {series.geometry?.isVolume ? ' · MPR' : ''}
                          </span>
                          {series.warnings.map((warning) => <span key={warning} className="warning" data-testid="series-warning">⚠ {warning}</span>)}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
