import { z } from 'zod';
import type { RleLabelmap } from '../../segment/core';

/**
 * Version of a saved labelmap record. Version 1 (before this field) had the same fields without it; a
 * record of a version this build does not know, or that fails validation, is not read (the caller keeps it aside).
 */
export const SEGMENTATION_RECORD_VERSION = 2;

/** One labelmap of one lesion on one series, run-length encoded. */
export interface SavedSegmentation {
  /** The StudyInstanceUID of the segmented series (the field keeps its first name so saved records still load). */
  studiesKey: string;
  seriesKey: string;
  lesionId: string;
  dimensions: [number, number, number];
  rle: RleLabelmap;
  savedAt: string;
}

/** What is stored in IndexedDB: the labelmap with its record version. */
export interface StoredSegmentation extends SavedSegmentation {
  recordVersion: typeof SEGMENTATION_RECORD_VERSION;
}

const dimension = z.number().int().positive();

const segmentationFields = z
  .object({
    studiesKey: z.string(),
    seriesKey: z.string().min(1),
    lesionId: z.string().min(1),
    dimensions: z.tuple([dimension, dimension, dimension]),
    rle: z.object({
      length: z.number().int().nonnegative(),
      values: z.instanceof(Uint8Array),
      lengths: z.instanceof(Uint32Array),
    }),
    savedAt: z.string(),
  })
  .superRefine((record, context) => {
    const [x, y, slices] = record.dimensions;
    const voxels = x * y * slices;
    const { length, values, lengths } = record.rle;
    if (length !== voxels) {
      context.addIssue({ code: 'custom', message: `the labelmap holds ${length} voxels, its grid ${x}×${y}×${slices} has ${voxels}` });
      return;
    }
    if (values.length !== lengths.length) {
      context.addIssue({ code: 'custom', message: `${values.length} run values but ${lengths.length} run lengths` });
      return;
    }
    let total = 0;
    for (const n of lengths) {
      if (n < 1) {
        context.addIssue({ code: 'custom', message: 'a run of length 0' });
        return;
      }
      total += n;
    }
    if (total !== length) context.addIssue({ code: 'custom', message: `the runs cover ${total} voxels, not ${length}` });
  });

export type SegmentationReading = { ok: true; record: StoredSegmentation } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a stored record in the current shape, migrating version 1; otherwise says plainly why it cannot be read. */
export function readSavedSegmentation(raw: unknown): SegmentationReading {
  if (!isObject(raw)) return { ok: false, reason: 'it is not a labelmap record' };
  const version = raw['recordVersion'] ?? 1;
  if (version !== 1 && version !== SEGMENTATION_RECORD_VERSION) {
    return { ok: false, reason: `it was saved in format ${String(version)}, which this version of SpineLens does not read` };
  }
  const parsed = segmentationFields.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `it is damaged (${where}${issue?.message ?? 'invalid'})` };
  }
  const { studiesKey, seriesKey, lesionId, dimensions, rle, savedAt } = parsed.data;
  return { ok: true, record: { recordVersion: SEGMENTATION_RECORD_VERSION, studiesKey, seriesKey, lesionId, dimensions, rle, savedAt } };
}
