import type { DataSet } from 'dicom-parser';

/** TextDecoder labels for the single-byte and Unicode Specific Character Sets (ISO 2022 escapes are not handled). */
const DECODERS: Record<string, string> = {
  'ISO_IR 192': 'utf-8',
  'ISO_IR 100': 'latin1',
  'ISO_IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO_IR 166': 'windows-874',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

function firstCharset(ds: DataSet): string {
  try {
    return (ds.string('x00080005') ?? '').split('\\').map((v) => v.trim()).find((v) => v !== '') ?? '';
  } catch {
    return '';
  }
}

/** A decoder for the data set's Specific Character Set (0008,0005), or null for the default repertoire. */
export function textDecoderFor(ds: DataSet): TextDecoder | null {
  const label = DECODERS[firstCharset(ds)];
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Text value of an element decoded with `decoder`, trimmed of padding; '' when absent. */
export function decodeText(ds: DataSet, tag: string, decoder: TextDecoder): string {
  const element = ds.elements[tag];
  if (!element || element.length <= 0 || element.dataOffset === undefined) return '';
  const end = Math.min(ds.byteArray.length, element.dataOffset + element.length);
  const bytes = ds.byteArray.subarray(element.dataOffset, end);
  return decoder.decode(bytes).replace(/\0/g, '').trim();
}
