/** How many retrievals may be on the way at once: a browser opens at most 6 connections to one origin over HTTP/1.1. */
export const RETRIEVALS_IN_FLIGHT = 6;
/** How many retrieved files may wait for the reader (the import) before retrieval pauses: bounds the memory held. */
export const RETRIEVED_WAITING = 24;

/**
 * Retrieves items in their order ahead of the reader, starting as soon as it is made (while the viewer is still
 * starting up): the first item alone (the image to show first gets the server to itself), then up to `inFlight` at
 * once, each arrival starting the next, pausing while `waiting` retrieved items are not taken yet. take(i) gives item
 * i's result (starting it at once if it was not started) and lets go of it.
 */
export function retrievalWindow<T>(count: number, retrieve: (index: number) => Promise<T>, inFlight = RETRIEVALS_IN_FLIGHT, waiting = RETRIEVED_WAITING) {
  /** Started and not taken yet. */
  const started = new Map<number, Promise<T>>();
  const begun = new Uint8Array(count);
  let cursor = 0;
  let running = 0;
  let arrivedUntaken = 0;
  const arrived = new Set<number>();
  let firstSettled = count === 0;

  const begin = (index: number): Promise<T> => {
    running++;
    begun[index] = 1;
    const promise = retrieve(index);
    started.set(index, promise);
    const settle = () => {
      running--;
      if (index === 0) firstSettled = true;
      if (started.has(index)) {
        arrived.add(index);
        arrivedUntaken++;
      }
      fill();
    };
    // Marks the rejection handled here; the reader still gets it from take().
    promise.then(settle, settle);
    return promise;
  };

  const fill = () => {
    while (cursor < count && running < (firstSettled ? inFlight : 1) && arrivedUntaken < waiting) {
      const index = cursor++;
      if (!begun[index]) begin(index);
    }
  };

  fill();
  return {
    take(index: number): Promise<T> {
      const promise = started.get(index) ?? (begun[index] ? Promise.reject(new Error(`item ${index} was already taken`)) : begin(index));
      started.delete(index);
      if (arrived.delete(index)) arrivedUntaken--;
      fill();
      return promise;
    },
  };
}
