import { describe, expect, it } from 'vitest';
import { measurementRows, measurementsCsv } from '../../src/export';
import { sampleContext, sampleState } from './fixtures';

/** A small RFC 4180 reader, independent of the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  return rows;
}

describe('CSV of the measurements', () => {
  const rows = readCsv(measurementsCsv(measurementRows(sampleState(), sampleContext)));
  const header = rows[0]!;
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));

  it('has the columns the issue asks for', () => {
    expect(header).toEqual(['patient', 'study date', 'timepoint', 'lesion', 'level', 'kind', 'value', 'unit', 'series']);
  });

  it('gives each value against its geometry: 3-4-5 length 50 mm, bidirectional 24 × 10 mm, 20 mm at follow-up', () => {
    const find = (timepoint: string, kind: string) => records.find((r) => r['timepoint'] === timepoint && r['kind'] === kind);
    expect(find('Baseline', 'length')).toMatchObject({ value: '50', unit: 'mm', lesion: 'Epidural C2', level: 'C2-3', patient: 'Doe^Jane', 'study date': '2024-01-10', series: 'MR T1 SAG' });
    expect(find('Baseline', 'long axis')).toMatchObject({ value: '24', unit: 'mm' });
    expect(find('Baseline', 'short axis')).toMatchObject({ value: '10', unit: 'mm' });
    expect(find('+3 mo', 'length')).toMatchObject({ value: '20', unit: 'mm', 'study date': '2024-04-10' });
  });

  it('gives the segmented volumes in mL (4188.79 mm³ = 4.19 mL; 1256.64 mm³ = 1.26 mL), baseline first', () => {
    const volumes = records.filter((r) => r['kind'] === 'segmented volume');
    expect(volumes.map((r) => [r['timepoint'], r['value'], r['unit']])).toEqual([
      ['Baseline', '4.19', 'mL'],
      ['+3 mo', '1.26', 'mL'],
    ]);
  });

  it('leaves an arrow (no value) out and keeps formula-like text as text', () => {
    expect(records.some((r) => r['kind'] === 'arrow')).toBe(false);
    const state = sampleState();
    const evil = { ...state, lesions: state.lesions.map((l) => ({ ...l, name: '=HYPERLINK("x","y"), "quoted"' })) };
    const parsed = readCsv(measurementsCsv(measurementRows(evil, sampleContext)));
    expect(parsed[1]![3]).toBe(`'=HYPERLINK("x","y"), "quoted"`);
    expect(parsed[1]).toHaveLength(9);
  });
});
