import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { installTestHooks } from './ui/testHooks';
import { startAnnotationSync } from './viewer/annotationSync';
import { startAutosave } from './storage/autosave';
import { startSegmentation } from './viewer/segmentation/startSegmentation';
import './ui/styles.css';

installTestHooks();
startAnnotationSync();
startAutosave();
startSegmentation();

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
