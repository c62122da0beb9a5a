import { createDeidentifySession, type DeidentifySession } from '../../src/deidentify';

/** A session with a known day shift and a counter for random bytes, so UIDs are predictable in tests. */
export function testSession(dayShift = -1000): DeidentifySession {
  let counter = 0;
  return createDeidentifySession({
    dayShift,
    randomBytes: (count) => {
      counter += 1;
      const bytes = new Uint8Array(count);
      bytes[count - 1] = counter;
      return bytes;
    },
  });
}
