/**
 * A minimal stock Cornerstone3D page, default settings, for the load benchmark: files from the input go to the
 * loader's file manager, their metadata is added (prefetchPart10Instance), a streaming volume is created and
 * shown sagittal. Times (ms after the input's change event) are left in window.stockBench.
 */
import { Enums, RenderingEngine, eventTarget, init as initCore, setVolumesForViewports, volumeLoader, type Types } from '@cornerstonejs/core';
import dicomImageLoader, { prefetchPart10Instance, wadouri } from '@cornerstonejs/dicom-image-loader';

export interface StockTimes {
  metadataMs?: number;
  firstRenderMs?: number;
  volumeMs?: number;
  renderedMs?: number;
  error?: string;
}
declare global {
  interface Window {
    stockBench?: StockTimes;
  }
}

const ready = (async () => {
  await initCore();
  dicomImageLoader.init();
})();

const input = document.getElementById('files') as HTMLInputElement;
const element = document.getElementById('viewport') as HTMLDivElement;

input.addEventListener('change', () => {
  const t0 = performance.now();
  const times: StockTimes = {};
  window.stockBench = times;
  const since = () => Math.round(performance.now() - t0);
  run(Array.from(input.files ?? []), times, since).catch((e: unknown) => {
    times.error = e instanceof Error ? e.message : String(e);
  });
});

async function run(files: File[], times: StockTimes, since: () => number): Promise<void> {
  await ready;
  const imageIds = files.map((file) => wadouri.fileManager.add(file));
  await Promise.all(imageIds.map((id, i) => prefetchPart10Instance(id, () => files[i]!.arrayBuffer())));
  times.metadataMs = since();

  const engine = new RenderingEngine('stock');
  engine.enableElement({
    viewportId: 'sagittal',
    element,
    type: Enums.ViewportType.ORTHOGRAPHIC,
    defaultOptions: { orientation: Enums.OrientationAxis.SAGITTAL, background: [0, 0, 0] as Types.Point3 },
  });
  const volumeId = 'cornerstoneStreamingImageVolume:stock';
  const volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
  element.addEventListener(Enums.Events.IMAGE_RENDERED, () => (times.firstRenderMs ??= since()), { once: true });
  const completed = new Promise<void>((resolve) => {
    const done = (event: Event) => {
      if ((event as CustomEvent<{ volumeId: string }>).detail.volumeId !== volumeId) return;
      eventTarget.removeEventListener(Enums.Events.IMAGE_VOLUME_LOADING_COMPLETED, done);
      resolve();
    };
    eventTarget.addEventListener(Enums.Events.IMAGE_VOLUME_LOADING_COMPLETED, done);
  });
  (volume as unknown as { load(): void }).load();
  await setVolumesForViewports(engine, [{ volumeId }], ['sagittal']);
  engine.getViewport('sagittal').render();
  await completed;
  times.volumeMs = since();
  const rendered = new Promise<void>((resolve) => element.addEventListener(Enums.Events.IMAGE_RENDERED, () => resolve(), { once: true }));
  engine.getViewport('sagittal').render();
  await rendered;
  times.renderedMs = since();
}
