import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { dropDrawings, restoreAnnotations, startAnnotationSync, startDrawingRelease, startUncalibratedMarks } from './features/measurements';
import { startVertebraLabeling } from './features/labelling';
import { startAutosave } from './storage/autosave';
import { startSegmentation, startSessionLifecycle } from './features/segmentation';
import { startSeriesLifecycle } from './viewer/seriesLifecycle';
import { startDecodeFailureNotes } from './ui/decodeFailureNotes';
import { restorePendingStores } from './features/dicomweb';
import './ui/styles.css';

// zod compiles validators with new Function unless told not to; the Content-Security-Policy forbids that.
z.config({ jitless: true });
// The test build only (`--mode e2e`): the production bundle has no hooks.
if (import.meta.env.MODE === 'e2e') void import('./testing/install').then((m) => m.installTestHooks());
startAnnotationSync();
startVertebraLabeling();
startAutosave({ redraw: restoreAnnotations, drop: dropDrawings });
startSegmentation();
// Series leave memory when their study is closed or no viewport shows them; each feature disposes its part.
startSeriesLifecycle();
startSessionLifecycle();
startDecodeFailureNotes();
startDrawingRelease();
startUncalibratedMarks();
// Stores of a reading to the PACS that had not succeeded when the page was last closed come back with Retry.
void restorePendingStores();

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
