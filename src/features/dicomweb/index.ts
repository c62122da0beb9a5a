/** The DICOMweb feature: the only way other code uses it. */
export { DicomWebPanel } from './ui/DicomWebPanel';
export { connectFromUrl, currentServer, openStudy } from './actions';
export { restorePendingStores, retryStore, storeReading } from './pendingStores';
export { storeInstances, type DicomWebServer, type StoreResult } from './core/client';
export { DicomWebError } from './core/errors';
export type { PendingStore } from './store';
export { onReadingObjectsOpened, type ReadingObject } from './readingObjects';
