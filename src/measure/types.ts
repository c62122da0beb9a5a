import type { Vec3 } from '../geometry/vec3';

/** Which anatomical axis a length measurement stands for, when the user has said so. */
export type DiameterAxis = 'ap' | 'transverse' | 'cc';
export const DIAMETER_AXES: readonly DiameterAxis[] = ['ap', 'transverse', 'cc'];

export type StatsUnit = 'HU' | '';

/** Region statistics computed by the viewer over the pixels inside an ROI. */
export interface RoiStats {
  areaMm2: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  unit: StatsUnit;
}

/**
 * Fields every measurement carries. Geometry is in patient (world) coordinates, DICOM LPS mm,
 * so a measurement does not depend on the view it was drawn in.
 */
export interface MeasurementBase {
  id: string;
  studyInstanceUid: string;
  seriesKey: string;
  frameOfReferenceUid: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  label: string;
  lesionId?: string;
  /** A vertebral level the user typed ("C2-3"); absent means the level comes from the labels. */
  level?: string;
  /** Normal of the view plane it was drawn in (LPS); absent for measurements saved before it was kept. */
  viewPlaneNormal?: Vec3;
  /**
   * Drawn on a series without a valid Pixel Spacing: its coordinates are in pixels laid out as if 1 mm apart, so
   * its lengths are px and no mm, mm² or mL may come from it. Absent: calibrated.
   */
  uncalibrated?: true;
}

export interface LengthMeasurement extends MeasurementBase {
  kind: 'length';
  points: readonly [Vec3, Vec3];
  axis?: DiameterAxis;
}

export interface BidirectionalMeasurement extends MeasurementBase {
  kind: 'bidirectional';
  long: readonly [Vec3, Vec3];
  short: readonly [Vec3, Vec3];
  /**
   * False while the short axis is the one the tool drew on its own (perpendicular, 2/3 of the long axis):
   * it is no measurement. True once the reader dragged a short-axis handle. Absent: saved before this was kept.
   */
  shortAxisSet?: boolean;
}

export interface EllipseRoiMeasurement extends MeasurementBase {
  kind: 'ellipse';
  /** End points of the two ellipse axes: [axis1 start, axis1 end, axis2 start, axis2 end]. */
  points: readonly [Vec3, Vec3, Vec3, Vec3];
  stats: RoiStats;
}

export interface FreehandRoiMeasurement extends MeasurementBase {
  kind: 'freehand';
  /** Closed contour; the last point connects back to the first. */
  points: readonly Vec3[];
  stats: RoiStats;
}

export interface ProbeMeasurement extends MeasurementBase {
  kind: 'probe';
  point: Vec3;
  value: number;
  unit: StatsUnit;
}

export interface ArrowAnnotation extends MeasurementBase {
  kind: 'arrow';
  /** [tail, head]: the head points at the finding. */
  points: readonly [Vec3, Vec3];
  text: string;
}

export type Measurement =
  | LengthMeasurement
  | BidirectionalMeasurement
  | EllipseRoiMeasurement
  | FreehandRoiMeasurement
  | ProbeMeasurement
  | ArrowAnnotation;

export type MeasurementKind = Measurement['kind'];
