import type { AnnotationJson } from '../../measure/annotationConversion';
import type { Vec3 } from '../../geometry/vec3';
import type { Measurement } from '../../measure';

/** Where a drawing goes: the image it lies on (stack views) and the plane's normal. */
export interface AnnotationPlacement {
  referencedImageId?: string;
  viewPlaneNormal: Vec3;
}

/**
 * The Cornerstone annotation (plain JSON) that draws a measurement read from an SR, from its points in
 * patient coordinates; null for kinds the SR does not carry as points (arrows).
 */
export function annotationOfMeasurement(m: Measurement, placement: AnnotationPlacement): AnnotationJson | null {
  const tool = { length: 'Length', bidirectional: 'Bidirectional', ellipse: 'EllipticalROI', probe: 'Probe', freehand: null, arrow: null }[m.kind];
  if (!tool) return null;
  const points: readonly Vec3[] =
    m.kind === 'length' ? m.points : m.kind === 'bidirectional' ? [...m.long, ...m.short] : m.kind === 'ellipse' ? m.points : m.kind === 'probe' ? [m.point] : [];
  return {
    annotationUID: m.id,
    metadata: {
      toolName: tool,
      FrameOfReferenceUID: m.frameOfReferenceUid,
      viewPlaneNormal: [...placement.viewPlaneNormal],
      ...(placement.referencedImageId ? { referencedImageId: placement.referencedImageId } : {}),
    },
    data: {
      handles: { points: points.map((p) => [...p]), activeHandleIndex: null, textBox: { hasMoved: false } },
      label: m.label,
      cachedStats: {},
    },
    highlighted: false,
    invalidated: true,
    isLocked: false,
    isVisible: true,
  };
}
