import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventTarget } from '@cornerstonejs/core';
import { Enums as ToolEnums } from '@cornerstonejs/tools';
import type { InstanceMeta } from '../../src/dicom/types';
import { useMeasurementStore } from '../../src/state/measurementStore';
import { allSeries, useViewerStore } from '../../src/state/viewerStore';
import { frameAt, makeInstance } from '../dicom/factory';

/** Image id → instance, as the loader's registry would hold them (no real files here). */
const registered = new Map<string, InstanceMeta>();
vi.mock('../../src/viewer/imageRegistry', () => ({
  instanceForImageId: (imageId: string) => {
    const instance = registered.get(imageId);
    return instance ? { instance, frameIndex: 0 } : undefined;
  },
  imageIdForSop: () => undefined,
}));
vi.mock('../../src/viewer/displayControls', () => ({ viewportOfSlot: () => undefined }));
vi.mock('../../src/viewer/cornerstoneSetup', () => ({ ensureCornerstone: () => Promise.resolve() }));
vi.mock('../../src/viewer/toolGroup', () => ({ configureTool: () => undefined }));

const { startAnnotationSync } = await import('../../src/features/measurements/adapters/annotationSync');
const { Events } = ToolEnums;

function stack(seriesInstanceUid: string, studyInstanceUid: string, prefix: string, calibrated: boolean): InstanceMeta[] {
  return [0, 1, 2].map((k) =>
    makeInstance({
      sopInstanceUid: `${prefix}.${k + 1}`,
      seriesInstanceUid,
      studyInstanceUid,
      instanceNumber: k + 1,
      frames: [{ ...frameAt([0, 0, 5 * k]), pixelSpacing: calibrated ? [0.5, 0.5] : null }],
    }),
  );
}

function fire(type: string, annotation: unknown, viewportId?: string): void {
  eventTarget.dispatchEvent(new CustomEvent(type, { detail: { annotation, viewportId } }));
}

function length(points: number[][]) {
  return {
    annotationUID: 'len-1',
    highlighted: false,
    metadata: { toolName: 'Length', FrameOfReferenceUID: '1.2.3.300', referencedImageId: 'img:x2', viewPlaneNormal: [0, 0, 1] },
    data: { handles: { points, textBox: { hasMoved: false } }, cachedStats: {}, label: '' },
  };
}

describe('annotation sync', () => {
  beforeAll(() => {
    startAnnotationSync();
  });

  it('keeps a length on the series of the image it is drawn on when its slot later shows another timepoint', () => {
    const x = stack('1.2.3.201', '1.2.3.101', '9.1', true);
    const y = stack('1.2.3.202', '1.2.3.102', '9.2', false);
    registered.set('img:x2', x[1]!);
    useViewerStore.getState().addImport([...x, ...y], []);
    const keyOf = (uid: string) => allSeries(useViewerStore.getState().patients).find((s) => s.seriesInstanceUid === uid)!.key;
    useViewerStore.getState().showSeries(0, keyOf('1.2.3.201'));

    const drawn = length([[0, 0, 5], [30, 40, 5]]);
    fire(Events.ANNOTATION_ADDED, drawn, 'slot-0');
    fire(Events.ANNOTATION_COMPLETED, drawn);
    const measured = () => useMeasurementStore.getState().state.measurements.find((m) => m.id === 'len-1');
    expect(measured()).toMatchObject({ seriesKey: keyOf('1.2.3.201'), studyInstanceUid: '1.2.3.101' });

    // Slot 0 moves on to the other study's uncalibrated series; the length, still on X's image, is edited elsewhere.
    useViewerStore.getState().showSeries(0, keyOf('1.2.3.202'));
    fire(Events.ANNOTATION_MODIFIED, length([[0, 0, 5], [60, 80, 5]]));
    const edited = measured();
    expect(edited).toMatchObject({ seriesKey: keyOf('1.2.3.201'), studyInstanceUid: '1.2.3.101', points: [[0, 0, 5], [60, 80, 5]] });
    expect(edited?.uncalibrated).toBeUndefined();
  });
});
