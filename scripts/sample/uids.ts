import { SEED, type SeriesId, type TimepointId } from './protocol';
import { makeUid } from './uid';

/** Every UID of the case, all derived from the seed. Baseline CT and MR share one frame of reference. */
export const studyUid = (tp: TimepointId): string => makeUid(SEED, `study/${tp}`);
export const frameOfReferenceUid = (tp: TimepointId): string => makeUid(SEED, `frame-of-reference/${tp}`);
export const seriesUid = (id: SeriesId): string => makeUid(SEED, `series/${id}`);
export const instanceUid = (id: SeriesId, instanceNumber: number): string =>
  makeUid(SEED, `instance/${id}/${instanceNumber}`);
/** Identifies this generator as the implementation that wrote the files. */
export const IMPLEMENTATION_CLASS_UID = makeUid(SEED, 'implementation');
