import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { SLOT_COUNT, useViewerStore } from '../state/viewerStore';
import { Toolbar } from './Toolbar';
import { StudyBrowser } from './StudyBrowser';
import { ViewportPane } from './ViewportPane';
import { RightPanel } from './RightPanel';
import { ComparisonBar } from '../features/comparison';
import { useComparisonStore } from '../features/comparison';
import { useMeasurementStore } from '../state/measurementStore';
import { useSaveStatusStore } from '../state/saveStatusStore';
import { ProgressBar } from './ProgressBar';
import { SyncNotice } from './SyncNotice';
import { useKeyboard } from './keyboard/useKeyboard';
import { importSources } from '../features/import';
import { fromLocalFile } from '../sources/sourceFile';
import { filesFromDataTransfer } from '../sources/droppedFiles';
import { sampleCaseFiles } from '../sources/sampleCase';
import { connectFromUrl } from '../features/dicomweb';

let sampleOpening: Promise<void> | null = null;

/** The sample opens once per page, even when React runs the effect twice (StrictMode in development). */
function openSampleOnce(): Promise<void> {
  sampleOpening ??= importSources(sampleCaseFiles(), 'Opening the sample case');
  return sampleOpening;
}

export function App() {
  const layout = useViewerStore((s) => s.layout);
  const notes = useViewerStore((s) => s.notes);
  const rightPanel = useViewerStore((s) => s.rightPanel);
  const comparing = useComparisonStore((s) => s.active);
  const measurementCount = useMeasurementStore((s) => s.state.measurements.length);
  const lesionCount = useMeasurementStore((s) => s.state.lesions.length);
  const storageError = useSaveStatusStore((s) => s.storageError);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);
  const openFilePicker = useCallback(() => fileInput.current?.click(), []);
  useKeyboard(openFilePicker);

  // True from the first paint while the sample will open or is opening: the page says "Opening…", not "No images loaded"
  // (the stores' subscriptions only start after the first paint, so the store's progress alone comes too late).
  const [openingSample, setOpeningSample] = useState(() => !new URLSearchParams(window.location.search).has('empty'));
  useLayoutEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (connectFromUrl(params) || params.has('empty')) {
      setOpeningSample(false);
      return;
    }
    openSampleOnce()
      .catch((e: unknown) => setFatal(String(e)))
      .finally(() => setOpeningSample(false));
  }, []);

  const onFiles = (list: FileList | null) => {
    if (!list) return;
    importSources(Array.from(list).map(fromLocalFile)).catch((e: unknown) => setFatal(String(e)));
  };
  const problemCount = notes.filter((n) => n.severity === 'problem').length;
  const skippedCount = notes.length - problemCount;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        filesFromDataTransfer(e.dataTransfer)
          .then((files) => importSources(files))
          .catch((err: unknown) => setFatal(String(err)));
      }}
    >
      <header className="app-header">
        <h1>SpineLens</h1>
        <Toolbar fileInput={fileInput} folderInput={folderInput} />
        <input ref={fileInput} type="file" multiple hidden data-testid="file-input" onChange={(e) => onFiles(e.target.files)} />
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(e) => onFiles(e.target.files)}
        />
      </header>
      <aside className="left-panel" aria-label="Study browser">
        <StudyBrowser opening={openingSample} />
      </aside>
      <main className={`viewport-grid layout-${layout}`}>
        {Array.from({ length: SLOT_COUNT[layout] }, (_, slot) => (
          <ViewportPane key={slot} slot={slot} opening={openingSample} />
        ))}
        {comparing && <ComparisonBar />}
      </main>
      {rightPanel && <RightPanel panel={rightPanel} />}
      <footer className="status-bar">
        <ProgressBar />
        <button type="button" className="link" data-testid="problems-toggle" onClick={() => useViewerStore.getState().togglePanel('problems')} title="Files that could not be used, and files skipped on purpose (Shift+P)">
          {problemCount > 0 ? `${plural(problemCount, 'file', 'files')} not loaded` : 'All files loaded'}
          {skippedCount > 0 ? ` · ${plural(skippedCount, 'file', 'files')} skipped` : ''}
        </button>
        <button type="button" className="link" data-testid="measurements-toggle" aria-pressed={rightPanel === 'lesions'} onClick={() => useViewerStore.getState().togglePanel('lesions')} title="Measurements drawn and lesions made from them, in the studies open (m)">
          {plural(measurementCount, 'measurement', 'measurements')}
        </button>
        <span className="muted" data-testid="lesions-count" title="Lesions made from the measurements, in the studies open">
          {plural(lesionCount, 'lesion', 'lesions')}
        </span>
        {storageError && (
          <span className="error" role="alert" data-testid="storage-error">
            {storageError}
          </span>
        )}
        {fatal && <span className="error" role="alert">{fatal}</span>}
        <SyncNotice />
        <span className="muted privacy">Images stay in this browser.</span>
      </footer>
      {dragging && <div className="drop-hint">Drop DICOM files or folders to open them</div>}
    </div>
  );
}

