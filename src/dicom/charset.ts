import type { DataSet } from 'dicom-parser';
import { convertBytes } from 'dicom-character-set';

/**
 * The Specific Character Set (0008,0005) of a data set, as written (values joined by '\'), or
 * `inherited` when the data set has none (a sequence item takes its parent's). '' is the default
 * repertoire.
 */
export function characterSetOf(ds: DataSet, inherited = ''): string {
  if (!ds.elements.x00080005) return inherited;
  try {
    return (ds.string('x00080005') ?? '').replace(/\0/g, '').trim();
  } catch {
    return inherited;
  }
}

const known = new Map<string, boolean>();

/** Values dicom-character-set knows: an unknown term falls back to the default repertoire, never an error. */
function usable(characterSet: string): string | undefined {
  if (characterSet.replace(/\\/g, '').trim() === '') return undefined;
  let ok = known.get(characterSet);
  if (ok === undefined) {
    try {
      convertBytes(characterSet, new Uint8Array([0x41]));
      ok = true;
    } catch {
      ok = false;
    }
    known.set(characterSet, ok);
  }
  return ok ? characterSet : undefined;
}

/**
 * Text value of an element in the data set's character set, ISO 2022 escape sequences
 * included, trimmed of padding; '' when absent.
 */
export function decodeText(ds: DataSet, tag: string, characterSet: string, vr = 'LO'): string {
  const element = ds.elements[tag];
  if (!element || element.length <= 0 || element.dataOffset === undefined) return '';
  const end = Math.min(ds.byteArray.length, element.dataOffset + element.length);
  const bytes = ds.byteArray.subarray(element.dataOffset, end);
  const set = usable(characterSet);
  const text = convert(set, bytes, vr).replace(/\0/g, '').trim();
  // A Person Name's empty trailing component groups ('Wang^XiaoDong=王^小東=') say nothing.
  return vr === 'PN' ? text.replace(/=+$/, '') : text;
}

/**
 * Writers often switch back to ASCII (ESC ( B) without declaring ISO 2022 IR 6, which the
 * library refuses: then ASCII is allowed too. Bytes no set can read come out as Latin-1.
 */
function convert(set: string | undefined, bytes: Uint8Array, vr: string): string {
  try {
    return convertBytes(set, bytes, { vr });
  } catch {
    try {
      if (set?.includes('ISO 2022')) return convertBytes(`${set}\\ISO 2022 IR 6`, bytes, { vr });
    } catch {
      // Fall through to Latin-1.
    }
    return new TextDecoder('latin1').decode(bytes);
  }
}
