import dicomImageLoader from '@cornerstonejs/dicom-image-loader';
import type { DataSet } from 'dicom-parser';
import type { InstanceMeta } from '../dicom/types';
import { codestreamProblem } from '../pixels/codestream';
import { recordDecodeFailure } from './decodeFailures';

/**
 * Looks at each compressed frame of a registered file before anything decodes it: a frame cut short or
 * of another size than Rows × Columns is recorded as a decode failure, so it is listed in Problems, marked
 * on the image, and never handed to a decoder (some decode such a frame to a partial image without a word,
 * and the volume loader stretches a frame of the wrong size to fit).
 */
export function checkCompressedFrames(baseImageId: string, instance: InstanceMeta, dataSet: DataSet | undefined): void {
  if (!dataSet?.elements.x7fe00010?.encapsulatedPixelData) return;
  const { getEncapsulatedImageFrame } = dicomImageLoader.wadouri;
  const expected = { rows: instance.rows, columns: instance.columns };
  for (let frameIndex = 0; frameIndex < instance.numberOfFrames; frameIndex++) {
    let frame: Uint8Array;
    try {
      frame = getEncapsulatedImageFrame(dataSet, frameIndex) as Uint8Array;
    } catch (error) {
      record(baseImageId, instance, frameIndex, 'the compressed frame could not be found in the Pixel Data (fragments missing or damaged)', error);
      continue;
    }
    const problem = codestreamProblem(frame, instance.transferSyntaxUid, expected);
    if (problem) record(baseImageId, instance, frameIndex, problem.reason);
  }
}

function record(baseImageId: string, instance: InstanceMeta, frameIndex: number, reason: string, error?: unknown): void {
  const imageId = instance.numberOfFrames > 1 ? `${baseImageId}?frame=${frameIndex + 1}` : baseImageId;
  recordDecodeFailure({
    imageId,
    fileName: instance.fileName,
    frameIndex,
    numberOfFrames: instance.numberOfFrames,
    reason,
    ...(error instanceof Error ? { details: error.message } : {}),
  });
}
