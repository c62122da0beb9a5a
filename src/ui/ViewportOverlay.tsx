import type { SeriesNode } from '../dicom/types';
import { formatDicomDate, formatPersonName } from '../dicom';
import type { ViewMode } from '../state/viewerStore';
import type { ViewportReadout } from '../viewer/viewportReadout';

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
  return (
    <div className="viewport-overlay" data-testid="viewport-overlay">
      <div className="corner top-left">
        <div data-testid="overlay-patient">{meta ? formatPersonName(meta.patientName) : ''}</div>
        <div>ID {meta?.patientId}</div>
        <div>{meta ? formatDicomDate(meta.studyDate) : ''}</div>
      </div>
      <div className="corner top-right">
        <div data-testid="overlay-series">{series.description || '(no description)'}</div>
        <div>
          {series.modality} · {MODE_LABEL[mode]}
        </div>
        <div data-testid="overlay-slice">
          Im {readout.sliceNumber}/{readout.sliceCount}
        </div>
        {series.geometry && readout.location && (
          <div data-testid="overlay-location">
            Loc {readout.location.letter} {readout.location.mm.toFixed(1)} mm
          </div>
        )}
      </div>
      <div className="corner bottom-left">
        {readout.windowWidth !== null && readout.windowCenter !== null && (
          <div data-testid="overlay-wl">
            W {round(readout.windowWidth)} L {round(readout.windowCenter)}
          </div>
        )}
        {pixelValue !== null && (
          <div data-testid="overlay-pixel">
            Value {Number.isInteger(pixelValue) ? pixelValue : pixelValue.toFixed(1)}
            {unit}
          </div>
        )}
      </div>
      <div className="corner bottom-right">
        {series.geometry && (
          <div>
            {series.geometry.pixelSpacing[1].toFixed(2)}×{series.geometry.pixelSpacing[0].toFixed(2)} mm
            {series.geometry.sliceSpacing !== null ? ` · ${series.geometry.sliceSpacing.toFixed(2)} mm slices` : ''}
          </div>
        )}
      </div>
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
