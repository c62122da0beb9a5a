/** UIDs defined by the standard itself (SOP classes, transfer syntaxes, coding schemes): never remapped. */
export const isStandardUid = (uid: string): boolean => uid.startsWith('1.2.840.10008.');

/** A 2.25 UID (ISO/IEC 9834-8, a UUID as one integer) from 16 random bytes. */
export function uidFromRandomBytes(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return `2.25.${value.toString(10)}`;
}

/** Remaps UIDs consistently: the same input UID gives the same new UID in every file of a session. */
export class UidRemapper {
  private readonly map = new Map<string, string>();

  constructor(private readonly randomBytes: (count: number) => Uint8Array) {}

  remap(uid: string): string {
    const original = uid.replace(/\0/g, '').trim();
    if (original === '' || isStandardUid(original)) return original;
    let replacement = this.map.get(original);
    if (!replacement) {
      replacement = uidFromRandomBytes(this.randomBytes(16));
      this.map.set(original, replacement);
    }
    return replacement;
  }

  /** Every original → new pair so far (to remap references kept outside DICOM, e.g. the case JSON). */
  entries(): ReadonlyMap<string, string> {
    return this.map;
  }
}
