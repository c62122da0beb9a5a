import type { ProfileRow } from './profileTable';

/**
 * What happens to one element. The compound actions of the table leave the choice to the IOD's
 * type; without the IOD at hand we take the choice that keeps any IOD valid: an empty value rather
 * than none (X/Z), a dummy rather than nothing or empty (X/D, Z/D, X/Z/D).
 */
export type ElementAction = 'remove' | 'empty' | 'dummy' | 'remapUid' | 'keep' | 'shiftDate' | 'cleanItems';

const DATE_VRS = new Set(['DA', 'DT']);

export function resolveAction(row: ProfileRow | undefined, vr: string, isPrivate: boolean, isEmpty = false): ElementAction {
  if (isPrivate) return 'remove';
  if (!row) return actionOutsideTable(vr);
  const [, action, modifiedDatesOption] = row;
  if (modifiedDatesOption === 1 && DATE_VRS.has(vr)) return 'shiftDate';
  const isSequence = vr === 'SQ';
  switch (action) {
    case 'X':
      return 'remove';
    case 'Z':
    case 'X/Z':
      return 'empty';
    case 'D':
      return isSequence ? 'cleanItems' : 'dummy';
    case 'X/D':
    case 'Z/D':
    case 'X/Z/D':
      // A dummy item could still name the institution or device, and an empty sequence is invalid
      // where it is optional (Type 3): remove the sequence. One that came empty stays empty (Z):
      // it holds nothing, and it is there because its IOD requires it (Type 2).
      if (isSequence) return isEmpty ? 'empty' : 'remove';
      return 'dummy';
    case 'X/Z/U*':
      return isSequence ? 'cleanItems' : 'remapUid';
    case 'U':
      return 'remapUid';
    case 'K':
      return isSequence ? 'cleanItems' : 'keep';
    case 'C':
      return isSequence ? 'cleanItems' : 'dummy';
  }
}

/**
 * Attributes the table does not list are kept, with three stricter rules so that no date or
 * instance UID of the input can survive: dates are shifted, UIDs that are not the standard's own
 * (1.2.840.10008…) are remapped, and sequence items are cleaned like a data set.
 */
function actionOutsideTable(vr: string): ElementAction {
  if (DATE_VRS.has(vr)) return 'shiftDate';
  if (vr === 'UI') return 'remapUid';
  if (vr === 'SQ') return 'cleanItems';
  return 'keep';
}
