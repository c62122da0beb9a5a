import type { AnnotationJson } from '../../measure/annotationConversion';
import type { Vec3 } from '../../geometry/vec3';
import type { Measurement } from '../../measure';

/** Where a drawing goes: the image it lies on (stack views) and the plane's normal. */
export interface AnnotationPlacement {
  referencedImageId?: string;
  viewPlaneNormal: Vec3;
}

const TOOL_OF = { length: 'Length', bidirectional: 'Bidirectional', ellipse: 'EllipticalROI', probe: 'Probe', freehand: 'PlanarFreehandROI', arrow: 'ArrowAnnotate' } as const;

/** The handle points Cornerstone's tool keeps for a measurement (a freehand contour has none: it is a polyline). */
function handlesOf(m: Measurement): readonly Vec3[] {
  switch (m.kind) {
    case 'bidirectional':
      return [...m.long, ...m.short];
    case 'probe':
      return [m.point];
    case 'freehand':
      return [];
    case 'arrow':
      // ArrowAnnotate's first handle is the head (where the drag started).
      return [m.points[1], m.points[0]];
    default:
      return m.points;
  }
}

/** The Cornerstone annotation (plain JSON) that draws a measurement read from an SR, from its points in patient coordinates. */
export function annotationOfMeasurement(m: Measurement, placement: AnnotationPlacement): AnnotationJson {
  return {
    annotationUID: m.id,
    metadata: {
      toolName: TOOL_OF[m.kind],
      FrameOfReferenceUID: m.frameOfReferenceUid,
      viewPlaneNormal: [...(m.viewPlaneNormal ?? placement.viewPlaneNormal)],
      ...(placement.referencedImageId ? { referencedImageId: placement.referencedImageId } : {}),
    },
    data: {
      handles: { points: handlesOf(m).map((p) => [...p]), activeHandleIndex: null, textBox: { hasMoved: false } },
      label: m.kind === 'arrow' ? m.text : m.label,
      ...(m.kind === 'arrow' ? { text: m.text } : {}),
      ...(m.kind === 'freehand' ? { contour: { polyline: m.points.map((p) => [...p]), closed: true } } : {}),
      cachedStats: {},
    },
    highlighted: false,
    invalidated: true,
    isLocked: false,
    isVisible: true,
  };
}
