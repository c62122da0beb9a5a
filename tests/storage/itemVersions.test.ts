import { describe, expect, it } from 'vitest';
import { emptyState, type SpineLensState } from '../../src/lesions';
import { caseWithItems, itemsOf, sameItem, type CaseItems } from '../../src/storage/caseItems';
import { mergeSides, stampChanges, type CaseSide, type ItemVersions } from '../../src/storage/itemVersions';
import { lengthMeasurement } from '../lesions/fixtures';

const m1 = lengthMeasurement([0, 0, 0], [0, 10, 0], { id: 'm1' });
const m2 = lengthMeasurement([0, 0, 5], [0, 20, 5], { id: 'm2' });
const withMeasurements = (...ms: SpineLensState['measurements']): SpineLensState => ({ ...emptyState('k'), measurements: ms });
const items = (...ms: SpineLensState['measurements']): CaseItems => itemsOf(withMeasurements(...ms), {});

/** One tab: its items and versions after each edit, stamped as autosave stamps them. */
class Tab {
  side: CaseSide = { items: new Map(), versions: {} };
  constructor(readonly id: string) {}
  edit(next: CaseItems, at: number): CaseSide {
    this.side = { items: next, versions: stampChanges(this.side.items, next, this.side.versions, this.id, at, sameItem) };
    return this.side;
  }
  receive(other: CaseSide) {
    const result = mergeSides(this.side, other, this.id);
    this.side = result.merged;
    return result;
  }
  ids = () => [...this.side.items.keys()].sort();
}

describe('merging two tabs item by item', () => {
  it('a deletion in one tab removes the item from the other, and the other tab saving again does not bring it back', () => {
    const a = new Tab('A');
    const b = new Tab('B');
    b.receive(a.edit(items(m1, m2), 1));
    expect(b.ids()).toEqual(['measurement:m1', 'measurement:m2']);
    const deleted = a.edit(items(m2), 2);
    expect(deleted.versions['measurement:m1']).toMatchObject({ by: 'A', at: 2, deleted: true });
    const result = b.receive(deleted);
    expect(result.changed).toBe(true);
    expect(result.conflicts).toEqual([]);
    expect(b.ids()).toEqual(['measurement:m2']);
    // B saves (an unrelated edit) and A merges it: m1 stays deleted in both.
    const m3 = lengthMeasurement([0, 0, 9], [0, 5, 9], { id: 'm3' });
    a.receive(b.edit(items(m2, m3), 3));
    expect(a.ids()).toEqual(['measurement:m2', 'measurement:m3']);
    expect(b.ids()).toEqual(['measurement:m2', 'measurement:m3']);
  });

  it('a union by id would bring the deleted item back: an older record without versions loses to the deletion', () => {
    const a = new Tab('A');
    a.edit(items(m1, m2), 1);
    a.edit(items(m2), 2);
    const oldRecord: CaseSide = { items: items(m1, m2), versions: {} };
    a.receive(oldRecord);
    expect(a.ids()).toEqual(['measurement:m2']);
  });

  it('an undone deletion comes back in the other tab too', () => {
    const a = new Tab('A');
    const b = new Tab('B');
    b.receive(a.edit(items(m1), 1));
    b.receive(a.edit(items(), 2));
    expect(b.ids()).toEqual([]);
    b.receive(a.edit(items(m1), 3));
    expect(b.ids()).toEqual(['measurement:m1']);
  });

  it('the same item edited in both tabs from the same version: both keep the later edit and both report it', () => {
    const a = new Tab('A');
    const b = new Tab('B');
    b.receive(a.edit(items(m1), 1));
    const fromA = a.edit(items({ ...m1, level: 'C3' }), 10);
    const fromB = b.edit(items({ ...m1, level: 'C4' }), 11);
    const atA = a.receive(fromB);
    const atB = b.receive(fromA);
    expect(atA.conflicts).toEqual([expect.objectContaining({ key: 'measurement:m1', keptIncoming: true })]);
    expect(atB.conflicts).toEqual([expect.objectContaining({ key: 'measurement:m1', keptIncoming: false })]);
    const levelIn = (t: Tab) => (t.side.items.get('measurement:m1') as { measurement: { level?: string } }).measurement.level;
    expect(levelIn(a)).toBe('C4');
    expect(levelIn(b)).toBe('C4');
  });

  it('an edit of the version the other tab made is taken without a conflict', () => {
    const a = new Tab('A');
    const b = new Tab('B');
    b.receive(a.edit(items(m1), 1));
    a.receive(b.edit(items({ ...m1, level: 'C4' }), 2));
    const result = b.receive(a.edit(items({ ...m1, level: 'C5' }), 3));
    expect(result.conflicts).toEqual([]);
    expect((b.side.items.get('measurement:m1') as { measurement: { level?: string } }).measurement.level).toBe('C5');
  });

  it('a measurement whose drawing alone changes, or whose keys come in another order, is not a new edit', () => {
    const versions: ItemVersions = stampChanges(new Map(), items(m1), {}, 'A', 1, sameItem);
    const { id, ...rest } = m1;
    const redrawn = itemsOf(withMeasurements({ ...rest, id }), { m1: { toolName: 'Length', cachedStats: { x: 1 } } as never });
    expect(stampChanges(items(m1), redrawn, versions, 'A', 2, sameItem)).toEqual(versions);
  });
});

describe('case items', () => {
  it('round-trips a case through its items, keeping list order, drawings and level-change notices of kept measurements', () => {
    const state: SpineLensState = { ...withMeasurements(m1, m2), baselineStudyUid: 'study-1', levelChanges: { m1: { from: 'C2', to: 'C3' }, gone: { from: 'C4', to: 'C5' } } };
    const drawings = { m2: { toolName: 'Length' } as never };
    const back = caseWithItems(emptyState('k'), {}, itemsOf(state, drawings));
    expect(back.state.measurements.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(back.state.baselineStudyUid).toBe('study-1');
    expect(back.drawings).toEqual(drawings);
    const kept = caseWithItems(state, drawings, itemsOf(withMeasurements(m2, m1), drawings));
    expect(kept.state.measurements.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(kept.state.levelChanges).toEqual({ m1: { from: 'C2', to: 'C3' } });
  });
});
