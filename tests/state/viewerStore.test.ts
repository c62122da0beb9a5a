import { describe, expect, it } from 'vitest';
import { useViewerStore } from '../../src/state/viewerStore';
import { frameAt, makeInstance } from '../dicom/factory';

function series(uid: string, description: string, n = 3) {
  return Array.from({ length: n }, (_, k) => makeInstance({ seriesInstanceUid: uid, seriesDescription: description, instanceNumber: k + 1, frames: [frameAt([0, 0, 5 * k])] }));
}

describe('viewer layout', () => {
  it('fills the empty viewports of a larger layout with the series not shown yet, keeping what is shown', () => {
    const store = useViewerStore.getState();
    store.addImport([...series('1.1', 'A'), ...series('1.2', 'B'), ...series('1.3', 'C')], []);
    const keys = useViewerStore.getState().patients[0]!.studies[0]!.series.map((s) => s.key);
    store.showSeries(0, keys[1]!, 'axial');
    store.setLayout('2x2');
    const slots = useViewerStore.getState().slots;
    expect(slots[0]).toEqual({ seriesKey: keys[1], mode: 'axial' });
    expect(new Set([slots[1]!.seriesKey, slots[2]!.seriesKey])).toEqual(new Set([keys[0], keys[2]]));
    expect(slots[3]!.seriesKey).toBeNull();
    expect(slots[1]!.mode).toBe('sagittal');
  });
});
