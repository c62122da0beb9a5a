import type { SeriesNode } from '../../../dicom/types';
import { useSaveStatusStore } from '../../../state/saveStatusStore';
import { deleteSegmentation, loadSegmentations, saveSegmentation, type SavedSegmentation } from '../segmentationPersistence';
import type { SeriesSegmentation } from './seriesSegmentation';

const SAVE_DELAY_MS = 400;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
let savesInFlight = 0;

const describe = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));

/**
 * A labelmap is saved under its own study (a series belongs to one), not under the set of loaded
 * studies: opening another study beside it later must not hide it.
 */
function studyOf(series: SeriesNode): string {
  return series.frames[0]?.instance.studyInstanceUid ?? '';
}

function reportFailure(what: string, e: unknown): void {
  useSaveStatusStore.getState().setStorageError(`Could not ${what} the segmentation: ${describe(e)}`);
}

/** Saves one lesion's segment shortly after the last change. */
export function persistLater(session: SeriesSegmentation, label: number, lesionId: string): void {
  const key = `${session.segmentationId}\u0001${label}`;
  clearTimeout(timers.get(key));
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      const record: SavedSegmentation = {
        studiesKey: studyOf(session.series),
        seriesKey: session.series.key,
        lesionId,
        dimensions: [...session.grid.dimensions],
        rle: session.toRle(label),
        savedAt: new Date().toISOString(),
      };
      savesInFlight++;
      saveSegmentation(record)
        .catch((e: unknown) => reportFailure('save', e))
        .finally(() => savesInFlight--);
    }, SAVE_DELAY_MS),
  );
}

/** True when no save is waiting or running (for tests and the panel). */
export const segmentationSaved = (): boolean => timers.size === 0 && savesInFlight === 0;

/** The saved lesion segments of a series (oldest first, so labels come back in the order they were made). */
export async function savedSegmentationsFor(series: SeriesNode): Promise<SavedSegmentation[]> {
  try {
    return (await loadSegmentations(studyOf(series), series.key)).reverse();
  } catch (e) {
    reportFailure('load', e);
    return [];
  }
}

export function forgetSaved(series: SeriesNode, lesionId: string): void {
  deleteSegmentation(studyOf(series), series.key, lesionId).catch((e: unknown) => reportFailure('delete', e));
}
