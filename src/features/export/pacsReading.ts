import { currentServer, onReadingObjectsOpened, storeReading, type PendingStore } from '../dicomweb';
import { loadedCase } from './adapters/loadedCase';
import { importReadings } from './importReading';
import { segmentationObjects } from './segmentations';
import { structuredReports } from './structuredReports';

/** Whether there is a PACS to store to (a server chosen in the PACS panel, or the one a study came from). */
export const canStoreToPacs = (): boolean => currentServer() !== null;

/** Stores the reading on the chosen PACS: the SR of each study and the SEG of each segmented series (STOW-RS). */
export async function storeReadingToPacs(): Promise<PendingStore | null> {
  const { state, context } = loadedCase();
  const files = [...structuredReports(state, context).map((r) => r.bytes), ...(await segmentationObjects(state, context)).map((s) => s.bytes)];
  if (files.length === 0) return null;
  const who = context.patientName.replace(/\^/g, ' ').trim() || context.patientId || 'the patient';
  return storeReading(files, `Reading of ${who}`);
}

/** A study opened from the PACS brings its stored reading back (SR first, then SEG). */
onReadingObjectsOpened((objects) => importReadings(objects.map((o) => new File([o.bytes], o.name))));
