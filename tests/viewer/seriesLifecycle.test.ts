import { annotation as csAnnotation } from '@cornerstonejs/tools';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InstanceMeta, SeriesNode } from '../../src/dicom/types';
import { allSeries, useViewerStore } from '../../src/state/viewerStore';
import { AXIAL, frameAt, makeInstance, SAGITTAL } from '../dicom/factory';

/** Instances whose files the registry was told to forget (no real loader here). */
const forgotten: InstanceMeta[] = [];
vi.mock('../../src/viewer/imageRegistry', () => ({
  forgetInstances: (instances: Iterable<InstanceMeta>) => forgotten.push(...instances),
  imageIdsForSeries: (series: SeriesNode) => series.frames.map((f) => `dicomfile:${f.instance.sopInstanceUid}`),
  instanceForImageId: () => undefined,
  imageIdForSop: () => undefined,
  unloadFileBytes: () => undefined,
}));
vi.mock('../../src/viewer/displaySeries', () => ({ volumeIdFor: (s: SeriesNode) => `cornerstoneStreamingImageVolume:${s.key}` }));
vi.mock('../../src/viewer/volumeRelease', () => ({ removeVolume: () => undefined }));
vi.mock('../../src/viewer/graphicsResourceSweep', () => ({ releaseStaleGraphicsResources: () => undefined }));
vi.mock('../../src/viewer/undoHistory', () => ({ forgetEditHistory: () => undefined, recordUndoable: () => undefined }));
vi.mock('../../src/viewer/displayControls', () => ({ viewportOfSlot: () => undefined }));
vi.mock('../../src/viewer/cornerstoneSetup', () => ({ ensureCornerstone: () => Promise.resolve() }));
vi.mock('../../src/viewer/toolGroup', () => ({ configureTool: () => undefined }));

const { IDLE_RELEASE_MS, onSeriesReleased, releasesSettled, startSeriesLifecycle } = await import('../../src/viewer/seriesLifecycle');
const { startDrawingRelease } = await import('../../src/features/measurements/adapters/drawingRelease');

/** A length drawn on an image, as Cornerstone holds it. */
function drawLength(uid: string, imageId: string): void {
  const drawn = {
    annotationUID: uid,
    highlighted: false,
    invalidated: false,
    isLocked: false,
    isVisible: true,
    metadata: { toolName: 'Length', FrameOfReferenceUID: '1.2.3.300', referencedImageId: imageId, viewPlaneNormal: [0, 0, 1] },
    data: { handles: { points: [[0, 0, 0], [3, 4, 0]], textBox: { hasMoved: false } }, cachedStats: {}, label: '' },
  };
  csAnnotation.state.addAnnotation(drawn as unknown as Parameters<typeof csAnnotation.state.addAnnotation>[0], '1.2.3.300');
}

function axialStack(seriesInstanceUid: string, prefix: string, extra: Partial<InstanceMeta> = {}): InstanceMeta[] {
  return [0, 1, 2].map((k) =>
    makeInstance({ sopInstanceUid: `${prefix}.${k + 1}`, seriesInstanceUid, instanceNumber: k + 1, frames: [frameAt([0, 0, 5 * k], AXIAL)], ...extra }),
  );
}

const keyOf = (uid: string, part = ''): string => allSeries(useViewerStore.getState().patients).find((s) => s.seriesInstanceUid === uid && s.key.endsWith(part))!.key;

describe('series lifecycle', () => {
  beforeAll(() => {
    // Cornerstone's annotation state tells element selectors from frame-of-reference ones by this class.
    vi.stubGlobal('HTMLDivElement', class {});
    startSeriesLifecycle();
    startDrawingRelease();
  });
  afterEach(() => {
    vi.useRealTimers();
    forgotten.length = 0;
  });

  it('keeps the files and drawings of a series renamed when a later import splits it (a localizer arrives)', async () => {
    const axial = axialStack('1.5.1', '8.1');
    useViewerStore.getState().addImport(axial, []);
    useViewerStore.getState().showSeries(0, keyOf('1.5.1'));
    drawLength('len-renamed', 'dicomfile:8.1.2');
    const localizer = makeInstance({ sopInstanceUid: '8.1.99', seriesInstanceUid: '1.5.1', instanceNumber: 99, imageType: ['ORIGINAL', 'PRIMARY', 'LOCALIZER'], frames: [frameAt([0, 0, 0], SAGITTAL)] });
    useViewerStore.getState().addImport([localizer], []);
    expect(keyOf('1.5.1', 'main')).toBe('1.5.1|main');
    await releasesSettled();
    expect(forgotten.map((i) => i.sopInstanceUid)).toEqual([]);
    expect(csAnnotation.state.getAnnotation('len-renamed')).toBeDefined();
  });

  it('forgets the files and drops the drawings of a closed study', async () => {
    useViewerStore.getState().addImport(axialStack('1.6.1', '8.2', { studyInstanceUid: '1.6.100' }), []);
    useViewerStore.getState().showSeries(0, keyOf('1.6.1'));
    drawLength('len-closed', 'dicomfile:8.2.2');
    useViewerStore.getState().closeStudy('1.6.100');
    await releasesSettled();
    expect(forgotten.map((i) => i.sopInstanceUid).sort()).toEqual(['8.2.1', '8.2.2', '8.2.3']);
    expect(csAnnotation.state.getAnnotation('len-closed')).toBeUndefined();
  });

  it('does not dispose a series idle-released while queued behind another release, if it is shown again meanwhile', async () => {
    vi.useFakeTimers();
    const store = useViewerStore.getState();
    store.addImport([...axialStack('1.7.1', '8.3'), ...axialStack('1.7.2', '8.4'), ...axialStack('1.7.3', '8.5')], []);
    store.setLayout('1x1');
    const [a, b, c] = [keyOf('1.7.1'), keyOf('1.7.2'), keyOf('1.7.3')];
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const released: string[] = [];
    const stop = onSeriesReleased(async (series) => {
      released.push(series.key);
      if (series.key === a) await gate; // e.g. a segmentation of A still saving
    });
    store.showSeries(0, a);
    store.showSeries(0, b);
    await vi.advanceTimersByTimeAsync(IDLE_RELEASE_MS + 10); // A idle: its release waits on the gate
    store.showSeries(0, c);
    await vi.advanceTimersByTimeAsync(IDLE_RELEASE_MS + 10); // B idle: queued behind A
    store.showSeries(0, b); // the reader goes back to B
    open();
    await vi.advanceTimersByTimeAsync(10);
    await releasesSettled();
    stop();
    expect(released).toContain(a);
    expect(released).not.toContain(b);
  });
});
