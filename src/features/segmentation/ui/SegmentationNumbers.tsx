import { lesionSummary } from '../../../lesions';
import { useMeasurementStore } from '../../../state/measurementStore';
import type { SegmentationView, SegmentView } from '../segmentationStore';

const ml = (v: number): string => `${v.toFixed(2)} mL`;
const METHOD: Record<SegmentView['method'], string> = { grow: 'grow from a click', line: 'grow along a line across the lesion', edit: 'edited by hand' };

/** Segmented volume and diameters of one lesion's segment, beside the ellipsoid estimate from its measured diameters. */
export function SegmentationNumbers({ view, segment }: { view: SegmentationView; segment: SegmentView }) {
  const state = useMeasurementStore((s) => s.state);
  const { result } = segment;
  const ellipsoidMl = lesionSummary(state, segment.lesionId, view.studyInstanceUid).ellipsoidVolumeMl;
  const difference = ellipsoidMl && result.voxelCount > 0 ? ((result.volumeMl - ellipsoidMl) / ellipsoidMl) * 100 : null;
  if (result.voxelCount === 0) {
    return (
      <dl className="seg-numbers">
        <dt>Segmented volume</dt>
        <dd>
          <strong data-testid="seg-volume" data-ml={result.volumeMl.toFixed(4)}>
            {ml(0)}
          </strong>
          <span className="muted"> empty: Grow (g) in the lesion, or Line (n) across it</span>
        </dd>
      </dl>
    );
  }
  return (
    <dl className="seg-numbers">
      <dt>Segmented volume</dt>
      <dd>
        <strong data-testid="seg-volume" data-ml={result.volumeMl.toFixed(4)}>
          {ml(result.volumeMl)}
        </strong>
        <span className="muted seg-voxels" data-testid="seg-voxels">
          {result.voxelCount.toLocaleString('en')} voxels × {result.voxelVolumeMm3.toFixed(3)} mm³
        </span>
      </dd>
      <dt>Made by</dt>
      <dd data-testid="seg-method">{METHOD[segment.method]}</dd>
      <dt>Largest 3D diameter</dt>
      <dd data-testid="seg-diameters">
        {result.longestDiameterMm.toFixed(1)} mm, perpendicular {result.perpendicularDiameterMm.toFixed(1)} mm
      </dd>
      <dt>Ellipsoid of diameters</dt>
      <dd data-testid="seg-ellipsoid">
        {ellipsoidMl === null ? <span className="muted">measure the lesion's diameters to compare</span> : ml(ellipsoidMl)}
        {difference !== null && <span className="muted"> (segmented {difference >= 0 ? '+' : ''}{difference.toFixed(0)} %)</span>}
      </dd>
    </dl>
  );
}
