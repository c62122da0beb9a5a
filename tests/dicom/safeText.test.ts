import { describe, expect, it } from 'vitest';
import { parseInstance } from '../../src/dicom';
import { MAX_TEXT_LENGTH, safeText } from '../../src/dicom/safeText';
import { ctElements, part10, str } from './writeDicom';

function parsed(overrides: Parameters<typeof ctElements>[0]) {
  const result = parseInstance('x.dcm', part10(ctElements(overrides)));
  if (result.kind !== 'image') throw new Error(result.reason);
  return result.instance;
}

describe('tag values shown as text', () => {
  it('escapes a right-to-left override so an ID reads in its stored order', () => {
    const id = parsed({ '00080005': str('00080005', 'CS', 'ISO_IR 192'), '00100020': str('00100020', 'LO', '\u202E1234-DI') }).patientId;
    expect(id).toBe('[U+202E]1234-DI');
    expect(/[\u202a-\u202e\u2066-\u2069]/.test(id)).toBe(false);
  });

  it('escapes isolates, embeddings and marks in a name', () => {
    expect(safeText('DOE\u2067^JOHN\u2069\u200F')).toBe('DOE[U+2067]^JOHN[U+2069][U+200F]');
    expect(safeText('A\u202AB\u202CC\u061C')).toBe('A[U+202A]B[U+202C]C[U+061C]');
  });

  it('keeps right-to-left letters themselves (Arabic, Hebrew names are not controls)', () => {
    expect(safeText('قباني^لنزار')).toBe('قباني^لنزار');
    expect(safeText('שרון^דבורה')).toBe('שרון^דבורה');
  });

  it('keeps markup and script as literal text', () => {
    const name = parsed({ '00100010': str('00100010', 'PN', '<img src=x onerror=alert(1)>') }).patientName;
    expect(name).toBe('<img src=x onerror=alert(1)>');
    expect(safeText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('escapes control characters and bounds very long values', () => {
    expect(safeText('A\u001bB\nC')).toBe('A[U+001B]B[U+000A]C');
    const long = parsed({ '0008103E': str('0008103E', 'LO', 'X'.repeat(5000)) }).seriesDescription;
    expect(long).toHaveLength(MAX_TEXT_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
