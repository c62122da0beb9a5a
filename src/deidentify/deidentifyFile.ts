import dcmjs from 'dcmjs';
import type { DicomDataset } from './dataset';
import { burnedInRisk } from './burnedIn';
import { deidentifyDataset, deidentifyFileMeta } from './deidentifyDataset';
import type { DeidentifySession } from './session';

export type DeidentifyFileResult =
  | { ok: true; name: string; bytes: ArrayBuffer; burnedIn: 'yes' | 'unknown' | 'no' }
  | { ok: false; name: string; reason: string; burnedIn?: 'yes' | 'unknown' };

export interface DeidentifyFileOptions {
  /** Include images whose pixels may show burned-in text (the reader has been warned and agreed). */
  includeBurnedIn?: boolean;
}

/** Reads one DICOM file, applies the profile with the session's maps, and writes it again. */
export function deidentifyFile(
  name: string,
  bytes: ArrayBuffer,
  session: DeidentifySession,
  options: DeidentifyFileOptions = {},
): DeidentifyFileResult {
  let parsed: { meta: DicomDataset; dict: DicomDataset };
  try {
    parsed = dcmjs.data.DicomMessage.readFile(bytes, { ignoreErrors: false }) as { meta: DicomDataset; dict: DicomDataset };
  } catch {
    return { ok: false, name, reason: `${name} could not be read as a DICOM file, so it was left out.` };
  }
  const burnedIn = burnedInRisk(parsed.dict);
  if (burnedIn !== 'no' && !options.includeBurnedIn) {
    const why = burnedIn === 'yes' ? 'says its pixels carry burned-in text' : 'is of a kind whose pixels often carry burned-in text';
    return { ok: false, name, burnedIn, reason: `${name} ${why} (patient details may show on the image), so it was left out.` };
  }
  try {
    const output = new dcmjs.data.DicomDict(deidentifyFileMeta(parsed.meta, session));
    output.dict = deidentifyDataset(parsed.dict, session);
    return { ok: true, name, bytes: output.write(), burnedIn };
  } catch {
    return { ok: false, name, reason: `${name} could not be written again after de-identification, so it was left out.` };
  }
}
