import { BASIC_PROFILE_TABLE, type ProfileRow } from './profileTable';

const exactRows = new Map<string, ProfileRow>();
const repeatingGroupRows: ProfileRow[] = [];
for (const row of BASIC_PROFILE_TABLE) {
  if (row[0].includes('X')) repeatingGroupRows.push(row);
  else exactRows.set(row[0], row);
}

const matchesPattern = (pattern: string, tag: string): boolean =>
  [...pattern].every((c, i) => c === 'X' || c === tag[i]);

/** The Table E.1-1 row for a tag (GGGGEEEE, any case), repeating groups (50xx, 60xx) included. */
export function profileRowFor(tag: string): ProfileRow | undefined {
  const upper = tag.toUpperCase();
  return exactRows.get(upper) ?? repeatingGroupRows.find((row) => matchesPattern(row[0], upper));
}
