import { describe, expect, it } from 'vitest';
import { diffLabelmaps, LabelmapHistory, regionGrow } from '../../src/segment/core';
import { makeGrid, rng, volumeFrom } from './synthetic';

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe('LabelmapHistory', () => {
  const g = makeGrid([32, 24, 16], [1, 1, 1]);
  const n = 32 * 24 * 16;

  it('undo/redo restores exact bytes across several edits', () => {
    const { uniform } = rng(1);
    const m = new Uint8Array(n).map(() => (uniform() < 0.1 ? 2 : 0));
    const h = new LabelmapHistory(m, g);
    const states = [m.slice()];
    // Edit 1: a region grow into the labelmap, recorded over its box.
    const s = volumeFrom(g, (k) => new Int16Array(k), (p) => (p[0] > 8 && p[0] < 20 && p[1] > 4 && p[1] < 18 ? 100 : 0));
    h.edit({ min: [0, 0, 0], max: [31, 23, 15] }, () => regionGrow(s, g, [12, 10, 8], { tolerance: 5 }, m, 1));
    states.push(m.slice());
    // Edit 2: random scribbles in a sub-box.
    h.edit({ min: [4, 4, 4], max: [27, 19, 11] }, () => {
      for (let t = 0; t < 500; t++) {
        const i = 4 + Math.floor(uniform() * 24);
        const j = 4 + Math.floor(uniform() * 16);
        const k = 4 + Math.floor(uniform() * 8);
        m[i + j * 32 + k * 32 * 24] = Math.floor(uniform() * 4);
      }
    });
    states.push(m.slice());
    // Edit 3: erase a block.
    h.edit(undefined, () => m.fill(0, 1000, 5000));
    states.push(m.slice());
    expect(h.depth).toBe(3);

    for (let s2 = states.length - 2; s2 >= 0; s2--) {
      expect(h.undo()).toBe(true);
      expect(same(m, states[s2]!)).toBe(true);
    }
    expect(h.undo()).toBe(false);
    for (let s2 = 1; s2 < states.length; s2++) {
      expect(h.redo()).toBe(true);
      expect(same(m, states[s2]!)).toBe(true);
    }
    expect(h.redo()).toBe(false);
  });

  it('bounded depth, redo cleared by a new edit, no-op edits not recorded, cancel restores', () => {
    const m = new Uint8Array(n);
    const h = new LabelmapHistory(m, g, { maxDepth: 3 });
    for (let e = 1; e <= 5; e++) h.edit(undefined, () => m.fill(e, 0, 100 * e));
    expect(h.depth).toBe(3);
    h.undo();
    h.undo();
    h.undo();
    expect(h.canUndo).toBe(false);
    const expected = new Uint8Array(n).fill(2, 0, 200); // state after edit 2: the oldest kept undo base
    expect(same(m, expected)).toBe(true);
    h.redo();
    expect(h.canRedo).toBe(true);
    h.edit(undefined, () => m.fill(9, 0, 10));
    expect(h.canRedo).toBe(false);
    expect(h.edit(undefined, () => undefined)).toBeNull();
    const before = m.slice();
    h.beginEdit();
    m.fill(7);
    h.cancelEdit();
    expect(same(m, before)).toBe(true);
  });

  it('stores runs: a block fill is one run', () => {
    const a = new Uint8Array(n);
    const b = a.slice();
    b.fill(1, 100, 5100);
    b[6000] = 3;
    const d = diffLabelmaps(a, b);
    expect(d.starts.length).toBe(2);
    expect(d.voxels).toBe(5001);
    expect([...d.lengths]).toEqual([5000, 1]);
  });
});
