/** '20260105' → '2026-01-05' (also accepts the old '2026.01.05'); anything else comes back trimmed. */
export function formatDicomDate(value: string): string {
  const trimmed = value.trim();
  const match = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(trimmed);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : trimmed;
}

/** '142530.123' → '14:25:30', '1425' → '14:25'; anything else comes back trimmed. */
export function formatDicomTime(value: string): string {
  const trimmed = value.trim();
  const match = /^(\d{2}):?(\d{2})?:?(\d{2})?(?:\.\d+)?$/.exec(trimmed);
  if (!match) return trimmed;
  return [match[1], match[2], match[3]].filter((part) => part !== undefined).join(':');
}

/**
 * 'DOE^JOHN' → 'DOE, JOHN'; 'DOE^JOHN^A^DR^JR' → 'DOE, DR JOHN A, JR'. Only the first
 * (alphabetic) component group is used when ideographic/phonetic groups follow '='.
 */
export function formatPersonName(value: string): string {
  const alphabetic = value.split('=')[0] ?? '';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = alphabetic.split('^').map((part) => part.trim());
  const first = [prefix, given, middle].filter((part) => part !== '').join(' ');
  const name = [family, first].filter((part) => part !== '').join(', ');
  return suffix !== '' ? `${name}, ${suffix}` : name;
}
