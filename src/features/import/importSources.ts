import { importFiles } from '../../loading/importFiles';
import type { SourceFile } from '../../sources/sourceFile';
import { allSeries, shownSeries, useViewerStore, type ViewMode } from '../../state/viewerStore';
import { buildSeries } from '../../dicom';
import type { InstanceMeta, PatientNode, SeriesNode } from '../../dicom/types';
import { isRegistered, registerInstance } from '../../viewer/imageRegistry';
import { ensureCornerstone } from '../../viewer/cornerstoneSetup';
import { installFastImageLoader } from '../../viewer/volumeLoading/fastImageLoader';
import { watchReaderInput } from './readerInput';

const nothingShown = (): boolean => useViewerStore.getState().slots.every((slot) => slot.seriesKey === null);

/**
 * Reads, parses and registers files. When no viewport shows anything yet, the first image parsed (the middle
 * file) is shown at once as a preview in the first viewport while the others are read; once all are in, the
 * default hanging follows, unless the reader has touched the view meanwhile: then the stack they look at
 * takes the whole series and their view stays as it is.
 */
export async function importSources(files: readonly SourceFile[], label = 'Reading files', order: { inGivenOrder?: boolean } = {}): Promise<void> {
  if (files.length === 0) return;
  // Set before the first await, so the page says "Opening…" from its first paint.
  useViewerStore.getState().setProgress({ label, done: 0, total: files.length });
  let preview: InstanceMeta | null = null;
  const readerInput = watchReaderInput();
  try {
    await ensureCornerstone();
    installFastImageLoader();
    performance.mark('spinelens:import-start');
    const result = await importFiles(files, {
      ...order,
      register: registerInstance,
      isKnown: isRegistered,
      onProgress: (done, total) => useViewerStore.getState().setProgress({ label, done, total }),
      onFirstImage: (instance) => {
        performance.mark('spinelens:first-image-parsed');
        if (!nothingShown()) return;
        preview = instance;
        showPreview(instance);
        readerInput.start();
      },
    });
    performance.mark('spinelens:import-parsed');
    useViewerStore.getState().addImport(result.instances, result.notes);
  } finally {
    readerInput.stop();
    useViewerStore.getState().setPreview(null);
    useViewerStore.getState().setProgress(null);
  }
  const state = useViewerStore.getState();
  if (preview) {
    // The reader's stack stays only while it still shows the series the preview grew into.
    const keptByReader = readerInput.touched() && shownSeries(state, state.slots[0]?.seriesKey ?? null) !== undefined;
    if (!keptByReader) hangDefault(state.patients);
    return;
  }
  if (nothingShown()) hangDefault(state.patients);
}

function showPreview(instance: InstanceMeta): void {
  const series: SeriesNode | undefined = allSeries(buildSeries([instance]))[0];
  if (!series) return;
  const store = useViewerStore.getState();
  store.setPreview(series);
  store.showSeries(0, series.key, 'stack');
}

function defaultMode(series: SeriesNode): ViewMode {
  return series.geometry?.isVolume ? 'sagittal' : 'stack';
}

/**
 * The default hanging: one series in 1×1; with several studies, the earliest beside the latest
 * (same modality where there is one), sagittal for volumes since that is where the spine is read.
 */
export function hangDefault(patients: readonly PatientNode[]): void {
  const store = useViewerStore.getState();
  const studies = patients[0]?.studies ?? [];
  const first = studies[0];
  const last = studies[studies.length - 1];
  const viewable = (s: SeriesNode) => s.frames.length > 1;
  if (!first || !last) return;
  if (first === last) {
    const series = first.series.find(viewable) ?? first.series[0] ?? allSeries(patients)[0];
    if (!series) return;
    store.setLayout('1x1');
    store.showSeries(0, series.key, defaultMode(series));
    return;
  }
  const right = last.series.find(viewable) ?? last.series[0];
  if (!right) return;
  const left = first.series.find((s) => viewable(s) && s.modality === right.modality) ?? first.series.find(viewable) ?? first.series[0];
  if (!left) return;
  store.setLayout('1x2');
  store.showSeries(0, left.key, defaultMode(left));
  store.showSeries(1, right.key, defaultMode(right));
  store.setActiveSlot(0);
}
