import type { Vec3 } from '../../geometry/vec3';

/** Integer voxel index [i, j, k] (column, row, slice). */
export type Index3 = readonly [number, number, number];

/** Inclusive voxel-index box. */
export interface IndexBox {
  readonly min: Index3;
  readonly max: Index3;
}

/**
 * Geometry of a voxel volume. Voxel (i, j, k) has its centre at
 * origin + i*sx*direction[0] + j*sy*direction[1] + k*sz*direction[2] (DICOM LPS, mm).
 * The direction vectors may be oblique or even non-orthogonal (gantry tilt / shear).
 */
export interface VolumeGrid {
  readonly dimensions: readonly [number, number, number];
  /** mm: column spacing (step of i), row spacing (step of j), slice spacing (step of k). */
  readonly spacing: readonly [number, number, number];
  readonly origin: Vec3;
  /** Row cosines (i axis), column cosines (j axis), slice direction (k axis). */
  readonly direction: readonly [Vec3, Vec3, Vec3];
}

/** Any numeric typed array holding the scalars, indexed i + j*nx + k*nx*ny. */
export type ScalarArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

export type Connectivity = 6 | 26;
