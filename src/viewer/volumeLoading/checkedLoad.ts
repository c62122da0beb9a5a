import type { Types } from '@cornerstonejs/core';
import { decodedLengthProblem } from '../../pixels/codestream';
import { decodeFailureOf, recordDecodeFailure } from '../decodeFailures';
import { instanceForImageId } from '../imageRegistry';

type Loader = (imageId: string, options?: Record<string, unknown>) => Types.IImageLoadObject;

/** Transfer syntaxes whose pixels are stored as they are: no codec runs, so a failed load is never a codec's verdict. */
const NATIVE_SYNTAXES = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2', '1.2.840.10008.1.2.1.99']);

/**
 * The loader rejects with { error } when the file could not be read or parsed (a local File unreadable after an
 * idle release, a network error) and with { error, dataSet } once it holds the file and creating the image failed.
 */
const fileWasRead = (error: unknown): boolean => typeof error === 'object' && error !== null && 'dataSet' in error && Boolean(error.dataSet);

/** The loader rejects with an Error, a string, or { error, dataSet }. */
function decoderMessage(error: unknown): string | undefined {
  const inner = (error as { error?: unknown } | null)?.error ?? error;
  if (inner instanceof Error) return inner.message;
  return typeof inner === 'string' ? inner : undefined;
}

/** What is wrong with a decoded image: its size against the file's Rows × Columns, as the codec and as the array say. */
function decodedImageProblem(image: Types.IImage, expected: { rows: number; columns: number }): string | null {
  const codec = (image as unknown as { imageFrame?: { imageInfo?: { rows?: number; columns?: number } } }).imageFrame?.imageInfo;
  if (codec && typeof codec.rows === 'number' && typeof codec.columns === 'number' && (codec.rows !== expected.rows || codec.columns !== expected.columns)) {
    return `the decoder found a ${codec.columns}×${codec.rows} image where the header says ${expected.columns}×${expected.rows} (Columns × Rows)`;
  }
  if (image.rows !== expected.rows || image.columns !== expected.columns) {
    return `the decoded image is ${image.columns}×${image.rows} where the header says ${expected.columns}×${expected.rows} (Columns × Rows)`;
  }
  const length = image.getPixelData().length;
  const components = image.color ? (length === expected.rows * expected.columns * 4 ? 4 : 3) : 1;
  return decodedLengthProblem(length, { ...expected, components })?.reason ?? null;
}

/**
 * The stock loader, watched: a frame already known to be damaged is not decoded at all; a decoder's error and
 * a decoded image of the wrong size become decode failures (listed, marked on the image) and the load fails,
 * so no viewport draws it as if it were fine.
 */
export function checkedLoad(stock: Loader, imageId: string, options?: Record<string, unknown>): Types.IImageLoadObject {
  const found = instanceForImageId(imageId);
  const known = decodeFailureOf(imageId);
  if (known) return { promise: Promise.reject(new Error(`Could not decode the pixels: ${known.reason}`)) };
  const load = stock(imageId, options);
  if (!found) return load;
  const { instance, frameIndex } = found;
  const fail = (reason: string, details?: string) =>
    recordDecodeFailure({ imageId, fileName: instance.fileName, frameIndex, numberOfFrames: instance.numberOfFrames, reason, ...(details ? { details } : {}) });
  const promise = load.promise.then(
    (image) => {
      const problem = decodedImageProblem(image, instance);
      if (problem) {
        fail(problem);
        throw new Error(`Could not decode the pixels: ${problem}`);
      }
      return image;
    },
    (error: unknown) => {
      // Only a codec's verdict on compressed bytes is damage (and blocks later loads); anything else may pass.
      if (!NATIVE_SYNTAXES.has(instance.transferSyntaxUid) && fileWasRead(error)) {
        fail('the decoder rejected the compressed data (damaged or cut short)', decoderMessage(error));
        throw error;
      }
      const what = fileWasRead(error) ? 'its pixels could not be loaded' : 'the file could not be read (moved, changed or no longer readable?)';
      throw new Error(`Could not load ${instance.fileName}: ${what}; it will be tried again when next shown`, { cause: error });
    },
  );
  return { ...load, promise };
}
