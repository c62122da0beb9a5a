import { uidFromRandomBytes } from '../../deidentify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Tracking Unique Identifier of a lesion: the same at every timepoint because it is made from the
 * lesion's id. A UUID id becomes its ISO/IEC 9834-8 UID (2.25.<the UUID as one integer>), which reads back
 * to the same id; other ids are hashed.
 */
export function trackingUidFor(id: string): string {
  if (UUID.test(id)) return `2.25.${BigInt(`0x${id.replace(/-/g, '')}`).toString(10)}`;
  return uidFromRandomBytes(fnv128(id));
}

/** The lesion or measurement id behind a 2.25 UUID UID, else the UID itself. */
export function idFromTrackingUid(uid: string): string {
  const match = /^2\.25\.(\d+)$/.exec(uid);
  if (!match) return uid;
  const hex = BigInt(match[1]!).toString(16).padStart(32, '0');
  if (hex.length !== 32) return uid;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fnv128(text: string): Uint8Array {
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  const prime = 0x0000000001000000000000000000013bn;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * prime) & ((1n << 128n) - 1n);
  const bytes = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    bytes[i] = Number(hash & 0xffn);
    hash >>= 8n;
  }
  return bytes;
}
