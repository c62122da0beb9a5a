import { add, cross, scale, type Vec3 } from '../../src/geometry/vec3';

/** A stack of parallel, equally spaced slices in a series' patient coordinates. */
export interface Grid {
  readonly columns: number;
  readonly rows: number;
  readonly slices: number;
  /** DICOM PixelSpacing order: [between rows, between columns] (mm). */
  readonly pixelSpacing: readonly [number, number];
  readonly sliceSpacing: number;
  readonly sliceThickness: number;
  /** ImageOrientationPatient: direction of increasing column index, then of increasing row index. */
  readonly rowDirection: Vec3;
  readonly columnDirection: Vec3;
  /** ImagePositionPatient of the first slice (centre of its first pixel). */
  readonly origin: Vec3;
  /** Step from one slice to the next, as a multiple of the slice normal (rowDirection × columnDirection): ±1. */
  readonly sliceOrder: 1 | -1;
  /** Sub-samples per voxel along row direction, column direction and slice direction (partial-volume averaging). */
  readonly supersample: readonly [number, number, number];
}

export const sliceNormal = (g: Grid): Vec3 => cross(g.rowDirection, g.columnDirection);

export const sliceStep = (g: Grid): Vec3 => scale(sliceNormal(g), g.sliceOrder * g.sliceSpacing);

export const slicePosition = (g: Grid, k: number): Vec3 => add(g.origin, scale(sliceStep(g), k));

/** Patient position of voxel (column i, row j, slice k); fractional indices address sub-voxel points. */
export function voxelPosition(g: Grid, i: number, j: number, k: number): Vec3 {
  const p = add(slicePosition(g, k), scale(g.rowDirection, i * g.pixelSpacing[1]));
  return add(p, scale(g.columnDirection, j * g.pixelSpacing[0]));
}

export const voxelVolume = (g: Grid): number => g.pixelSpacing[0] * g.pixelSpacing[1] * g.sliceSpacing;
