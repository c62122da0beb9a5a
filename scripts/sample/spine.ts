import { normalize } from '../../src/geometry/vec3';
import type { Frame } from './shapes';

/**
 * Centreline of the phantom spine (anatomy = baseline patient coordinates, LPS mm).
 * Mild cervical lordosis: the vertebral-body line is a parabola in the sagittal plane, most anterior at the apex.
 */
const APEX_Z = -20;
const CURVATURE = 0.001;
const APEX_BODY_Y = -8;

/** Local y (posterior) of the spinal canal centre, measured from the body line. */
export const CANAL_OFFSET_Y = 15.5;

export const bodyLineY = (z: number): number => APEX_BODY_Y + CURVATURE * (z - APEX_Z) ** 2;
export const bodyLineSlope = (z: number): number => 2 * CURVATURE * (z - APEX_Z);
export const canalCentreY = (z: number): number => bodyLineY(z) + CANAL_OFFSET_Y;

/** Frame of a vertebra centred on the body line at height z, tilted with the lordosis (local z along the spine). */
export function vertebraFrame(z: number): Frame {
  const s = bodyLineSlope(z);
  return {
    origin: [0, bodyLineY(z), z],
    x: [1, 0, 0],
    y: normalize([0, 1, -s]),
    z: normalize([0, s, 1]),
  };
}

