import { UidRemapper } from './uidRemap';

/** One de-identification run over many files: the same UID map, day shift and pseudonym for all. */
export interface DeidentifySession {
  readonly uids: UidRemapper;
  /** Whole days added to every date (negative moves dates back); intervals between dates are kept. */
  readonly dayShift: number;
  readonly patientName: string;
  readonly patientId: string;
}

export interface SessionOptions {
  dayShift?: number;
  patientName?: string;
  patientId?: string;
  randomBytes?: (count: number) => Uint8Array;
}

const cryptoRandomBytes = (count: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(count));

/** A random shift between about 1 and 10 years back, so the true dates cannot be read off. */
function randomDayShift(randomBytes: (count: number) => Uint8Array): number {
  const [a = 0, b = 0] = randomBytes(2);
  return -(365 + (((a << 8) | b) % 3287));
}

export function createDeidentifySession(options: SessionOptions = {}): DeidentifySession {
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  return {
    uids: new UidRemapper(randomBytes),
    dayShift: options.dayShift ?? randomDayShift(randomBytes),
    patientName: options.patientName ?? 'ANONYMOUS^TEACHING CASE',
    patientId: options.patientId ?? 'TEACHING-CASE-1',
  };
}
