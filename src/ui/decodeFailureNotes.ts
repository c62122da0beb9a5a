import { useViewerStore } from '../state/viewerStore';
import { onDecodeFailure } from '../viewer/decodeFailures';

/** Each image that could not be decoded gets its line in Problems, naming the file (and the frame of a multi-frame file). */
export function startDecodeFailureNotes(): () => void {
  return onDecodeFailure((failure) => {
    const where = failure.numberOfFrames > 1 ? `frame ${failure.frameIndex + 1} of ${failure.numberOfFrames}: ` : '';
    useViewerStore.getState().reportDecodeFailure(failure.fileName, `${where}${failure.reason}`, failure.details);
  });
}
