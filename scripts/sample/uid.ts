import { createHash } from 'node:crypto';

/**
 * Deterministic DICOM UID under the 2.25 (UUID-derived) root: the first 128 bits of sha256(seed:name) as a decimal
 * integer. At most 5 + 39 = 44 characters, no leading zeros.
 */
export function makeUid(seed: string, name: string): string {
  const hex = createHash('sha256').update(`${seed}:${name}`).digest('hex').slice(0, 32);
  const value = BigInt(`0x${hex}`);
  return `2.25.${(value === 0n ? 1n : value).toString()}`;
}
