import { describe, expect, it } from 'vitest';
import { retrievalWindow } from '../../src/features/dicomweb/core/retrievalWindow';

/** Retrievals that settle when the test says so, recording which were started. */
function controlled() {
  const started: number[] = [];
  const settle = new Map<number, { ok(value: string): void; fail(error: Error): void }>();
  const retrieve = (index: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(index);
      settle.set(index, { ok: resolve, fail: reject });
    });
  return { started, settle, retrieve };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('retrieval ahead of the import', () => {
  it('starts with the first item alone, then keeps 6 on the way, each arrival starting the next', async () => {
    const { started, settle, retrieve } = controlled();
    const window = retrievalWindow(20, retrieve);
    expect(started).toEqual([0]);
    settle.get(0)!.ok('first');
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await window.take(0)).toBe('first');
    settle.get(3)!.ok('third');
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('pauses while retrieved items wait to be taken, and goes on when they are', async () => {
    const { started, settle, retrieve } = controlled();
    const window = retrievalWindow(50, retrieve, 2, 3);
    settle.get(0)!.ok('0');
    await tick();
    for (const i of [1, 2]) settle.get(i)!.ok(String(i));
    await tick();
    // 0, 1, 2 arrived and none taken: the cap of 3 holds further starts back (3 was already on the way).
    expect(started).toEqual([0, 1, 2, 3]);
    settle.get(3)!.ok('3');
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(await window.take(0)).toBe('0');
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    // Two waiting now: retrieval goes on, two at a time.
    expect(await window.take(1)).toBe('1');
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('hands a failed retrieval to its reader only, and starts an item asked for out of turn at once', async () => {
    const { started, settle, retrieve } = controlled();
    const window = retrievalWindow(10, retrieve);
    settle.get(0)!.fail(new Error('server gone'));
    await tick();
    await expect(window.take(0)).rejects.toThrow('server gone');
    const late = window.take(9);
    expect(started).toContain(9);
    settle.get(9)!.ok('nine');
    expect(await late).toBe('nine');
    // Draining the rest retrieves each item once: 9 is not asked for again when its turn comes.
    for (let i = 1; i < 9; i++) {
      const taken = window.take(i);
      settle.get(i)!.ok(String(i));
      expect(await taken).toBe(String(i));
    }
    expect([...started].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
