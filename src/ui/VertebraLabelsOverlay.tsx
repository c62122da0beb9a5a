import type { Types } from '@cornerstonejs/core';
import { useMeasurementStore } from '../state/measurementStore';
import { dot, sub, tuple, type Vec3 } from '../geometry/vec3';

interface Props {
  viewport: Types.IViewport;
  studyInstanceUid: string;
  /** Changes whenever the view changes, so the labels follow scrolling, zoom and pan. */
  renderKey: unknown;
}

/**
 * A label marks the centre of a vertebral body: it is drawn on the planes that cut that body, within this
 * distance of its centre (about half a cervical body's height, under half the step between two levels), so
 * an axial slice shows at most the level it passes through.
 */
export const VERTEBRA_SLAB_HALF_MM = 7;

/** The study's vertebral labels drawn where they project on this view. */
export function VertebraLabelsOverlay({ viewport, studyInstanceUid }: Props) {
  const labels = useMeasurementStore((s) => s.state.labels);
  const camera = viewport.getCamera();
  const normal: Vec3 = camera.viewPlaneNormal ?? [0, 0, 1];
  const focal: Vec3 = camera.focalPoint ?? [0, 0, 0];
  const shown = labels.filter((l) => l.studyInstanceUid === studyInstanceUid && Math.abs(dot(sub(l.position, focal), normal)) <= VERTEBRA_SLAB_HALF_MM);
  if (shown.length === 0) return null;
  return (
    <svg className="vertebra-labels" data-testid="vertebra-labels" width="100%" height="100%">
      {shown.map((label) => {
        const [x, y] = viewport.worldToCanvas(tuple(label.position));
        return (
          <g key={label.id} data-testid="vertebra-label">
            <circle cx={x} cy={y} r={3} />
            <text x={x + 7} y={y + 4}>
              {label.vertebra}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
