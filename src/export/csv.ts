import type { MeasurementRow } from './measurementRows';

export const CSV_COLUMNS = ['patient', 'study date', 'timepoint', 'lesion', 'level', 'kind', 'value', 'unit', 'series'] as const;

/** One RFC 4180 cell. */
function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text typed by people or read from DICOM: a spreadsheet would run it as a formula if it began with
 * =, +, -, @ (a lesion named "=HYPERLINK(…)"), so such text gets a leading apostrophe.
 */
const asText = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const isoDate = (da: string): string => (/^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : da);

/** The CSV file: header, then one line per measured value; CRLF line ends as RFC 4180 asks. */
export function measurementsCsv(rows: readonly MeasurementRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    // The timepoint ("+3 mo") and the number are ours, not typed text: written as they are.
    const cells = [asText(r.patient), isoDate(r.studyDate), r.timepoint, asText(r.lesion), asText(r.level), r.kind, r.value, r.unit, asText(r.series)];
    lines.push(cells.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
