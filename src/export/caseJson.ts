import { z } from 'zod';
import { parseSavedState, STATE_VERSION, type SpineLensState } from '../lesions';
import type { CaseContext } from './caseContext';

export const CASE_FORMAT = 'spinelens-case';
/** Version of the envelope; the state inside carries its own schema version (stateSchema.ts). */
export const CASE_FORMAT_VERSION = 1;

/**
 * The whole case as one JSON file: the reading (lesions, labels, measurements, segmentation
 * summaries) and the studies and series it refers to by UID. Images and labelmaps travel apart.
 */
export interface CaseFile {
  format: typeof CASE_FORMAT;
  formatVersion: typeof CASE_FORMAT_VERSION;
  stateVersion: typeof STATE_VERSION;
  exportedAt: string;
  context: CaseContext;
  state: SpineLensState;
}

const seriesSchema = z.object({ seriesKey: z.string(), seriesInstanceUid: z.string(), modality: z.string(), description: z.string() });
const envelopeSchema = z.object({
  format: z.literal(CASE_FORMAT),
  formatVersion: z.number().int(),
  stateVersion: z.number().int(),
  exportedAt: z.string(),
  context: z.object({
    patientName: z.string(),
    patientId: z.string(),
    studies: z.array(
      z.object({ studyInstanceUid: z.string().min(1), date: z.string(), time: z.string(), description: z.string(), series: z.array(seriesSchema) }),
    ),
  }),
  state: z.unknown(),
});

export function caseFile(state: SpineLensState, context: CaseContext, exportedAt: Date): CaseFile {
  return { format: CASE_FORMAT, formatVersion: CASE_FORMAT_VERSION, stateVersion: STATE_VERSION, exportedAt: exportedAt.toISOString(), context, state };
}

export const caseJson = (file: CaseFile): string => `${JSON.stringify(file, null, 2)}\n`;

export type CaseParseResult = { ok: true; file: CaseFile } | { ok: false; reason: string };

/** Reads a case file, validating the envelope and the state (older state versions are migrated). */
export function parseCaseJson(text: string, fileName: string): CaseParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${fileName} is not a JSON file.` };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `${fileName} is not a SpineLens case (no "${CASE_FORMAT}" header with studies).` };
  if (envelope.data.formatVersion > CASE_FORMAT_VERSION) {
    return { ok: false, reason: `${fileName} was written by a newer SpineLens (case format ${envelope.data.formatVersion}).` };
  }
  const state = parseSavedState(envelope.data.state);
  if (!state.ok) return { ok: false, reason: `${fileName}: ${state.error}` };
  return {
    ok: true,
    file: { ...envelope.data, format: CASE_FORMAT, formatVersion: CASE_FORMAT_VERSION, stateVersion: STATE_VERSION, state: state.state },
  };
}
