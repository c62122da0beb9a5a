import type { SeriesNode } from '../dicom/types';
import { formatDicomDate, formatPersonName } from '../dicom';
import type { ViewMode } from '../state/viewerStore';
import type { ViewportReadout } from '../viewer/viewportReadout';
import { formatMillimetres, imageLabel } from '../viewer/sliceIdentity';
import { DecodeFailureNote, SeriesFailuresLine, UncalibratedLine } from './ViewportOverlayFailures';

interface Props {
  series: SeriesNode;
  mode: ViewMode;
  readout: ViewportReadout;
  pixelValue: number | null;
}

const MODE_LABEL: Record<ViewMode, string> = { stack: 'Stack', axial: 'MPR axial', sagittal: 'MPR sagittal', coronal: 'MPR coronal' };

/** Corner texts and orientation markers. Everything is rendered as text, never as HTML. */
export function ViewportOverlay({ series, mode, readout, pixelValue }: Props) {
  const meta = series.frames[0]?.instance;
  const unit = series.modality === 'CT' ? ' HU' : '';
  const round = (x: number) => Math.round(x);
  const { acquired } = readout;
  const sliceTitle = acquired
    ? `Instance Number ${acquired.instanceNumber ?? '(none in the file)'}; image ${acquired.position} of ${acquired.count} in the series, in position order`
    : 'A reconstructed plane: not an acquired image';
  return (
    <div className="viewport-overlay" data-testid="viewport-overlay">
      <div className="corner top-left" data-testid="overlay-corner">
        <div data-testid="overlay-patient">{meta ? formatPersonName(meta.patientName) : ''}</div>
        <div>ID {meta?.patientId}</div>
        <div>{meta ? formatDicomDate(meta.studyDate) : ''}</div>
      </div>
      <div className="corner top-right" data-testid="overlay-corner">
        <div data-testid="overlay-series">{series.description || '(no description)'}</div>
        <div>
          {series.modality} · {MODE_LABEL[mode]}
        </div>
        {readout.outside ? (
          <div data-testid="overlay-slice" className="overlay-outside">
            outside this series
          </div>
        ) : (
          <div data-testid="overlay-slice" title={sliceTitle}>
            {acquired ? imageLabel(acquired) : `Slice ${readout.sliceNumber}/${readout.sliceCount}`}
          </div>
        )}
        {series.geometry && readout.location && (
          <div data-testid="overlay-location">
            Loc {readout.location.letter} {formatMillimetres(readout.location.mm)} mm
          </div>
        )}
      </div>
      <div className="corner bottom-left" data-testid="overlay-corner">
        {readout.windowWidth !== null && readout.windowCenter !== null && (
          <div data-testid="overlay-wl">
            W {round(readout.windowWidth)} L {round(readout.windowCenter)}
          </div>
        )}
        {pixelValue !== null && !readout.failed ? (
          <div data-testid="overlay-pixel">
            Value {Number.isInteger(pixelValue) ? pixelValue : pixelValue.toFixed(1)}
            {unit}
          </div>
        ) : (
          // Keeps the line's room, so the corner the image was fitted beside does not grow over it on hover.
          <div aria-hidden="true">{'\u00a0'}</div>
        )}
      </div>
      <div className="corner bottom-right" data-testid="overlay-corner">
        {mode !== 'stack' && <SeriesFailuresLine failures={readout.seriesFailures} total={series.frames.length} />}
        {meta && !meta.frames[series.frames[0]?.frameIndex ?? 0]?.pixelSpacing && <UncalibratedLine />}
        {series.geometry && (
          <>
            <div title="Pixel spacing, column × row (0028,0030)">
              {series.geometry.pixelSpacing[1].toFixed(2)}×{series.geometry.pixelSpacing[0].toFixed(2)} mm
            </div>
            {series.geometry.sliceSpacing !== null && <div title="Slice spacing from Image Position Patient">{series.geometry.sliceSpacing.toFixed(2)} mm slices</div>}
          </>
        )}
      </div>
      {readout.failed && <DecodeFailureNote failure={readout.failed} />}
      {/* Without ImageOrientationPatient (projection radiographs) any letters would be invented. */}
      {series.geometry && (
        <>
          <div className="marker marker-top" data-testid="marker-top">{readout.markers.top}</div>
          <div className="marker marker-bottom" data-testid="marker-bottom">{readout.markers.bottom}</div>
          <div className="marker marker-left" data-testid="marker-left">{readout.markers.left}</div>
          <div className="marker marker-right" data-testid="marker-right">{readout.markers.right}</div>
        </>
      )}
    </div>
  );
}
