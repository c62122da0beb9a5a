// Injected into the SpineLens production page by scripts/bench-load.ts (page.addInitScript). Plain JavaScript on
// purpose: it is sent to the browser as text. It watches only what a reader sees (the DOM, the canvas) and the
// DOM events Cornerstone fires on viewport elements; the production build has no test hooks.
(() => {
  const probe = {
    t0: null,
    firstMs: null,
    clickMs: null,
    progressSeen: false,
    volumeMs: null,
    lastRenderMs: null,
    renderedMs: null,
    longTasks: [],
    error: null,
  };
  window.__benchProbe = probe;
  const since = () => Math.round(performance.now() - probe.t0);

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  // Opened by a PACS link (?pacs=…&study=…): timed from the navigation (performance.now() counts from it).
  if (new URLSearchParams(location.search).has('pacs')) probe.t0 = 0;
  document.addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') probe.t0 = performance.now();
    },
    true,
  );
  // Cornerstone's IMAGE_RENDERED does not bubble; a capturing listener on the document still sees it.
  document.addEventListener(
    'CORNERSTONE_IMAGE_RENDERED',
    (event) => {
      if (probe.t0 !== null && event.target instanceof Element && event.target.closest('[data-testid="viewport-0"]')) probe.lastRenderMs = since();
    },
    true,
  );

  const pane = () => document.querySelector('[data-testid="viewport-0"]');
  const overlaySlice = () => pane()?.querySelector('[data-testid="overlay-slice"]') ?? null;
  const viewportProgress = () => pane()?.querySelector('.viewport-progress') ?? null;

  /** Not black: a 32×32 sample of the viewport's canvas has some pixel brighter than 10. */
  const sample = document.createElement('canvas');
  sample.width = 32;
  sample.height = 32;
  const sampleContext = sample.getContext('2d', { willReadFrequently: true });
  const canvasShowsImage = () => {
    const canvas = pane()?.querySelector('canvas');
    if (!canvas || canvas.width === 0) return false;
    sampleContext.clearRect(0, 0, 32, 32);
    sampleContext.drawImage(canvas, 0, 0, 32, 32);
    const data = sampleContext.getImageData(0, 0, 32, 32).data;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 30) return true;
    return false;
  };

  const QUIET_MS = 400;
  const watch = () => {
    requestAnimationFrame(watch);
    if (probe.t0 === null || probe.renderedMs !== null) return;
    try {
      if (probe.firstMs === null) {
        if (overlaySlice() && canvasShowsImage()) probe.firstMs = since();
        return;
      }
      if (probe.clickMs === null) {
        const sagittal = document.querySelector('[data-testid="mode-sagittal"]');
        if (sagittal && !sagittal.disabled) {
          probe.clickMs = since();
          sagittal.click();
        }
        return;
      }
      if (probe.volumeMs === null) {
        // A volume that fills within one frame may never show its progress bar: a reconstructed slice on screen
        // ("Slice n/N", not an acquired "Im …") with no bar counts as ready too.
        const reconstructed = /^Slice /.test(overlaySlice()?.textContent ?? '');
        if (viewportProgress()) probe.progressSeen = true;
        else if ((probe.progressSeen && overlaySlice()) || reconstructed) probe.volumeMs = since();
        return;
      }
      // Rendered: the last render after the volume was complete, once renders have been quiet for a while.
      const last = probe.lastRenderMs ?? probe.volumeMs;
      if (since() - last > QUIET_MS && canvasShowsImage()) probe.renderedMs = Math.max(last, probe.volumeMs);
    } catch (e) {
      probe.error = String(e);
    }
  };
  requestAnimationFrame(watch);

  /** Presses ArrowDown n times, each after the overlay showed the previous slice; returns slices per second. */
  window.__benchScroll = async (n) => {
    const read = () => overlaySlice()?.textContent ?? '';
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const before = read();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true }));
      const waitStart = performance.now();
      while (read() === before) {
        if (performance.now() - waitStart > 10_000) throw new Error(`slice did not change after ${before}`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }
    return (n * 1000) / (performance.now() - start);
  };

  /** The longest main-thread block between the file input and the rendered MPR. */
  window.__benchLongestBlock = () => {
    const end = probe.t0 + (probe.renderedMs ?? since());
    const inLoad = probe.longTasks.filter((t) => t.start >= probe.t0 && t.start <= end);
    return Math.round(Math.max(0, ...inLoad.map((t) => t.duration)));
  };
})();
