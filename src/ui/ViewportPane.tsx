import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Enums, type Types } from '@cornerstonejs/core';
import { shownSeries, useViewerStore } from '../state/viewerStore';
import { displaySeries, growStack, releaseViewport } from '../viewer/displaySeries';
import { viewportIdForSlot, resizeViewports } from '../viewer/renderingEngine';
import { pixelValueAt, readViewport, type ViewportReadout } from '../viewer/viewportReadout';
import { fitImage, fitBesideCorners, isAsFitted, setOverlayCorners, setVoiRange, voiRangeOf } from '../viewer/displayControls';
import type { CornerSizes } from '../viewer/imageFit';
import { effectiveMode } from '../viewer/viewModes';
import { ViewportOverlay } from './ViewportOverlay';
import { onDecodeFailure } from '../viewer/decodeFailures';
import { VertebraLabelsOverlay } from './VertebraLabelsOverlay';

interface Props {
  slot: number;
  /** Files are on their way (the sample at start): say so rather than ask for a series. */
  opening: boolean;
}

/** One viewport of the grid: a Cornerstone element plus its corner overlays. */
export function ViewportPane({ slot, opening }: Props) {
  const elementRef = useRef<HTMLDivElement>(null);
  const seriesKey = useViewerStore((s) => s.slots[slot]?.seriesKey ?? null);
  const storedMode = useViewerStore((s) => s.slots[slot]?.mode ?? 'stack');
  const active = useViewerStore((s) => s.activeSlot === slot);
  const series = useViewerStore((s) => shownSeries(s, seriesKey));
  const importing = useViewerStore((s) => s.progress !== null) || opening;
  const mode = effectiveMode(series, storedMode);
  /** The window last shown for a series here: switching Stack ↔ MPR makes a new viewport that keeps it. */
  const lastWindow = useRef<{ seriesKey: string; range: Types.VOIRange } | null>(null);
  const [readout, setReadout] = useState<ViewportReadout | null>(null);
  const [pixel, setPixel] = useState<number | null>(null);
  const [loading, setLoading] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const viewportRef = useRef<Types.IViewport | null>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  /** The viewport fitted here once shown: each new viewport is fitted once its overlay is drawn. */
  const fitted = useRef<Types.IViewport | null>(null);

  useEffect(() => {
    const element = elementRef.current;
    const current = shownSeries(useViewerStore.getState(), seriesKey);
    if (!element || !current) return;
    const viewportId = viewportIdForSlot(slot);
    let cancelled = false;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const viewport = viewportRef.current;
        if (!viewport) return;
        const range = voiRangeOf(viewport);
        if (range) lastWindow.current = { seriesKey: current.key, range };
        // The series may have grown since it was first shown (a preview, then all its files).
        setReadout(readViewport(viewport, shownSeries(useViewerStore.getState(), current.key) ?? current));
      });
    };
    const stopFailureWatch = onDecodeFailure(update);
    const keptWindow = lastWindow.current?.seriesKey === current.key ? lastWindow.current.range : null;
    setError(null);
    setReadout(null);
    displaySeries(viewportId, element, current, mode, (done, total) => {
      if (!cancelled) setLoading(done >= total ? null : { done, total });
    }, useViewerStore.getState().preview === current)
      .then((viewport) => {
        if (cancelled) return;
        viewportRef.current = viewport;
        if (keptWindow) setVoiRange(viewport, keptWindow);
        element.addEventListener(Enums.Events.IMAGE_RENDERED, update);
        // A stack image that fails to decode is never rendered: the overlay follows the image asked for.
        element.addEventListener(Enums.Events.PRE_STACK_NEW_IMAGE, update);
        update();
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(`Could not display ${current.description || current.seriesInstanceUid}: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, update);
      element.removeEventListener(Enums.Events.PRE_STACK_NEW_IMAGE, update);
      stopFailureWatch();
      viewportRef.current = null;
      setOverlayCorners(viewportId, null);
      releaseViewport(viewportId);
    };
  }, [slot, seriesKey, mode]);

  // The preview grew into the whole series under the reader's eyes: the stack takes its images, the view stays.
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || !series || useViewerStore.getState().preview === series) return;
    growStack(viewport.id, series).catch((e: unknown) => setError(`Could not display ${series.description || series.seriesInstanceUid}: ${e instanceof Error ? e.message : String(e)}`));
  }, [series]);

  // Once the overlay is on screen, fit the new image so its corner texts lie beside it, not on it.
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!readout || !viewport || fitted.current === viewport) return;
    setOverlayCorners(viewport.id, measureCorners(paneRef.current));
    fitImage(viewport);
    fitted.current = viewport;
  }, [readout]);

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      resizeViewports();
      const viewport = viewportRef.current;
      if (!viewport || !isAsFitted(viewport)) return;
      setOverlayCorners(viewport.id, measureCorners(paneRef.current));
      fitBesideCorners(viewport);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onMouseMove = (event: React.MouseEvent<HTMLDivElement>) => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const rect = event.currentTarget.getBoundingClientRect();
    setPixel(pixelValueAt(viewport, [event.clientX - rect.left, event.clientY - rect.top]));
  };

  return (
    <div
      ref={paneRef}
      className={`viewport-pane${active ? ' active' : ''}${readout?.failed && mode === 'stack' ? ' image-failed' : ''}`}
      data-testid={`viewport-${slot}`}
      onMouseDownCapture={() => useViewerStore.getState().setActiveSlot(slot)}
      onMouseMove={onMouseMove}
      onMouseLeave={() => setPixel(null)}
      onContextMenu={(e) => e.preventDefault()}
    >
      <div ref={elementRef} className="viewport-element" />
      {series && readout && viewportRef.current && (
        <VertebraLabelsOverlay viewport={viewportRef.current} studyInstanceUid={series.frames[0]?.instance.studyInstanceUid ?? ''} renderKey={readout} />
      )}
      {series && readout && <ViewportOverlay series={series} mode={mode} readout={readout} pixelValue={pixel} />}
      {(!series || !readout) && !error && (
        <div className="viewport-empty" data-testid="viewport-empty">
          {series || importing ? 'Opening…' : 'Choose a series in the study browser'}
        </div>
      )}
      {loading && (
        <div className="viewport-progress" role="progressbar" aria-valuenow={loading.done} aria-valuemax={loading.total}>
          <div style={{ width: `${(100 * loading.done) / Math.max(1, loading.total)}%` }} />
        </div>
      )}
      {error && <div className="viewport-error" role="alert">{error}</div>}
    </div>
  );
}

/** The sizes of the overlay's four corners in this pane, or null before the overlay is drawn. */
function measureCorners(pane: HTMLElement | null): CornerSizes | null {
  const size = (name: string) => {
    const corner = pane?.querySelector<HTMLElement>(`.corner.${name}`);
    return corner ? { width: corner.offsetWidth, height: corner.offsetHeight } : null;
  };
  const [topLeft, topRight, bottomLeft, bottomRight] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'].map(size);
  return topLeft && topRight && bottomLeft && bottomRight ? { topLeft, topRight, bottomLeft, bottomRight } : null;
}
