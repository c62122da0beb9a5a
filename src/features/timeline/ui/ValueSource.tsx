import type { Plane } from '../../../lesions';
import { seriesName, type Provenance } from '../../../response';

const METHOD_TEXT: Record<Provenance['method'], string> = { segmented: 'segmented', ellipsoid: 'ellipsoid π/6·a·b·c', diameter: 'diameter' };
const SEGMENTATION_TEXT: Record<NonNullable<Provenance['segmentationMethod']>, string> = {
  grow: 'grown from a click',
  line: 'from a line across it',
  edit: 'painted by hand',
};

/** Where a value came from: series, modality, plane, method, and whether a flagged volume was confirmed. */
export function ValueSource({ provenance: p }: { provenance: Provenance }) {
  const parts = [
    seriesName(p),
    p.plane && planeText(p.plane),
    p.segmentationMethod ? `${METHOD_TEXT[p.method]}, ${SEGMENTATION_TEXT[p.segmentationMethod]}` : METHOD_TEXT[p.method],
    p.flags.length > 0 && p.confirmedAt ? `flagged, confirmed by the reader ${p.confirmedAt.slice(0, 10)}` : null,
  ].filter(Boolean);
  return (
    <span className="value-source" data-testid="value-source">
      {parts.join(' · ')}
    </span>
  );
}

function planeText(plane: Plane): string {
  return plane === 'oblique' ? 'oblique plane' : plane;
}
