import { failedImageName, type DecodeFailure } from '../viewer/decodeFailures';

/** On an image that could not be decoded: what it is and why, in place of the image (never a wrong picture). */
export function DecodeFailureNote({ failure }: { failure: DecodeFailure }) {
  return (
    <div className="decode-failure-note" role="status" data-testid="overlay-decode-failure">
      <strong>Not shown: this image could not be decoded</strong>
      <div className="file-name">{failedImageName(failure)}</div>
      <div>{failure.reason}</div>
    </div>
  );
}

/** In a reconstructed plane: how many acquired images are missing from the volume (black there), with their files in the tooltip. */
export function SeriesFailuresLine({ failures, total }: { failures: DecodeFailure[]; total: number }) {
  if (failures.length === 0) return null;
  const names = failures.map(failedImageName).join('\n');
  return (
    <div className="overlay-warning" data-testid="overlay-series-failures" title={`Could not be decoded (black in this view):\n${names}`}>
      ⚠ {failures.length} of {total} images not decoded (black here)
    </div>
  );
}

/** A series without a readable Pixel Spacing: its images show, but no length on them is in millimetres. */
export function UncalibratedLine() {
  return (
    <div className="overlay-warning" data-testid="overlay-uncalibrated" title="Pixel Spacing (0028,0030) is missing or malformed: distances are in pixels, not millimetres">
      ⚠ no valid Pixel Spacing: lengths uncalibrated (px)
    </div>
  );
}
