import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Types } from '@cornerstonejs/core';
import type { InstanceMeta } from '../../src/dicom/types';

const instances = new Map<string, Partial<InstanceMeta>>();
vi.mock('../../src/viewer/imageRegistry', () => ({
  instanceForImageId: (imageId: string) => {
    const instance = instances.get(imageId);
    return instance ? { instance, frameIndex: 0 } : undefined;
  },
}));

const { checkedLoad } = await import('../../src/viewer/volumeLoading/checkedLoad');
const { decodeFailureOf, forgetDecodeFailures } = await import('../../src/viewer/decodeFailures');

const JPEG_LS = '1.2.840.10008.1.2.4.80';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

function register(imageId: string, transferSyntaxUid: string): void {
  instances.set(imageId, { fileName: `${imageId}.dcm`, numberOfFrames: 1, rows: 2, columns: 2, transferSyntaxUid });
}

/** A loader that rejects the way dicom-image-loader does: { error } when the file could not be read, { error, dataSet } when decoding failed. */
const rejecting = (rejection: unknown) => vi.fn(() => ({ promise: Promise.reject(rejection) }) as unknown as Types.IImageLoadObject);
const image = { rows: 2, columns: 2, color: false, getPixelData: () => new Int16Array(4) } as unknown as Types.IImage;
const resolving = () => vi.fn(() => ({ promise: Promise.resolve(image) }) as unknown as Types.IImageLoadObject);

describe('checkedLoad: only a codec failure of a compressed frame is recorded as damage', () => {
  beforeEach(() => {
    for (const id of instances.keys()) forgetDecodeFailures(id);
    instances.clear();
  });

  it('a file that could not be read again (NotReadableError) is not damage, and the next load is tried', async () => {
    register('dicomfile:1', JPEG_LS);
    const unreadable = new DOMException('The requested file could not be read', 'NotReadableError');
    await expect(checkedLoad(rejecting({ error: unreadable }), 'dicomfile:1').promise).rejects.toThrow(/dicomfile:1\.dcm.*could not be read/);
    expect(decodeFailureOf('dicomfile:1')).toBeUndefined();
    const retry = resolving();
    await expect(checkedLoad(retry, 'dicomfile:1').promise).resolves.toBe(image);
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('a failure loading an uncompressed file is not called a decoder rejection and does not block later loads', async () => {
    register('dicomfile:2', EXPLICIT_LE);
    await expect(checkedLoad(rejecting({ error: new Error('The pixel data is missing'), dataSet: {} }), 'dicomfile:2').promise).rejects.toBeDefined();
    expect(decodeFailureOf('dicomfile:2')).toBeUndefined();
    const retry = resolving();
    await expect(checkedLoad(retry, 'dicomfile:2').promise).resolves.toBe(image);
  });

  it('the decoder rejecting a JPEG-LS frame is recorded as damage and later loads are refused without decoding', async () => {
    register('dicomfile:3', JPEG_LS);
    await expect(checkedLoad(rejecting({ error: new Error('Invalid JPEG-LS data'), dataSet: {} }), 'dicomfile:3').promise).rejects.toBeDefined();
    expect(decodeFailureOf('dicomfile:3')?.reason).toBe('the decoder rejected the compressed data (damaged or cut short)');
    const retry = resolving();
    await expect(checkedLoad(retry, 'dicomfile:3').promise).rejects.toThrow(/^Could not decode the pixels/);
    expect(retry).not.toHaveBeenCalled();
  });
});
