const DAY_MS = 86_400_000;

/** Shifts a DA value (YYYYMMDD) by whole days; undefined when it is not a valid date. */
export function shiftDicomDate(value: string, days: number): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const check = new Date(time);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  const shifted = new Date(time + days * DAY_MS);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(shifted.getUTCFullYear(), 4)}${pad(shifted.getUTCMonth() + 1, 2)}${pad(shifted.getUTCDate(), 2)}`;
}

/** Shifts the date part of a DT value (YYYYMMDDHHMMSS.FFFFFF&ZZXX), keeping the time and offset. */
export function shiftDicomDateTime(value: string, days: number): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length < 8) return undefined;
  const date = shiftDicomDate(trimmed.slice(0, 8), days);
  return date === undefined ? undefined : date + trimmed.slice(8);
}
