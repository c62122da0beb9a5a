import { describe, expect, it } from 'vitest';
import { add, cross, scale, type Vec3 } from '../../src/geometry/vec3';
import { bidirectionalAxes, lengthMm, lineAngleDeg } from '../../src/measure';
import { bidirectional, degToRad } from '../lesions/fixtures';

// An oblique image plane: orthonormal row/column directions that are not aligned with any patient axis.
const rowDir: Vec3 = [1 / 3, 2 / 3, 2 / 3];
const colDir: Vec3 = [2 / 3, 1 / 3, -2 / 3];
const normal = cross(rowDir, colDir);
const origin: Vec3 = [-120.5, 33.25, 410];
// DICOM PixelSpacing = [spacing between rows, spacing between columns]: deliberately non-square.
const rowSpacing = 0.6;
const columnSpacing = 0.9;
const sliceSpacing = 4;

/** Voxel (column i, row j, slice k) to patient coordinates, as a DICOM reader would compute it. */
function indexToWorld(i: number, j: number, k: number): Vec3 {
  return add(add(add(origin, scale(rowDir, i * columnSpacing)), scale(colDir, j * rowSpacing)), scale(normal, k * sliceSpacing));
}

describe('lengthMm', () => {
  it('measures in-plane distances on an oblique plane with anisotropic pixels', () => {
    // 10 columns × 0.9 mm = 9 mm, 20 rows × 0.6 mm = 12 mm → 15 mm.
    expect(lengthMm(indexToWorld(5, 7, 0), indexToWorld(15, 27, 0))).toBeCloseTo(15, 10);
    // 20 columns = 18 mm only; the same count of rows is 12 mm.
    expect(lengthMm(indexToWorld(0, 0, 0), indexToWorld(20, 0, 0))).toBeCloseTo(18, 10);
    expect(lengthMm(indexToWorld(0, 0, 0), indexToWorld(0, 20, 0))).toBeCloseTo(12, 10);
  });

  it('measures through-plane distances', () => {
    // 9 mm, 12 mm in plane and 5 slices × 4 mm = 20 mm through plane: √(81 + 144 + 400) = 25 mm.
    expect(lengthMm(indexToWorld(1, 2, 3), indexToWorld(11, 22, 8))).toBeCloseTo(25, 10);
  });

  it('is symmetric and zero for identical points', () => {
    const a: Vec3 = [1, 2, 3];
    const b: Vec3 = [4, 6, 3];
    expect(lengthMm(a, b)).toBe(5);
    expect(lengthMm(b, a)).toBe(5);
    expect(lengthMm(a, a)).toBe(0);
  });
});

describe('lineAngleDeg', () => {
  it('gives the unsigned angle between lines', () => {
    expect(lineAngleDeg([[0, 0, 0], [1, 0, 0]], [[5, 5, 5], [5, 6, 5]])).toBeCloseTo(90, 10);
    expect(lineAngleDeg([[0, 0, 0], [1, 0, 0]], [[0, 0, 0], [-1, 1, 0]])).toBeCloseTo(45, 10);
    expect(lineAngleDeg([[0, 0, 0], [1, 0, 0]], [[0, 0, 0], [-2, 0, 0]])).toBeCloseTo(0, 10);
    expect(lineAngleDeg([[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [1, 0, 0]])).toBeNaN();
  });
});

describe('bidirectionalAxes', () => {
  it('measures perpendicular axes drawn on an oblique, anisotropic plane', () => {
    // Long axis 31 mm along the row direction, short axis 24 mm along the column direction.
    const centre = indexToWorld(100, 100, 2);
    const m = bidirectional(
      [add(centre, scale(rowDir, -15.5)), add(centre, scale(rowDir, 15.5))],
      [add(centre, scale(colDir, -12)), add(centre, scale(colDir, 12))],
    );
    const axes = bidirectionalAxes(m);
    expect(axes.longMm).toBeCloseTo(31, 10);
    expect(axes.shortMm).toBeCloseTo(24, 10);
    expect(axes.perpendicularityErrorDeg).toBeCloseTo(0, 8);
  });

  it('reports how far from perpendicular the axes are', () => {
    const tilt = degToRad(80);
    const m = bidirectional(
      [[0, 0, 0], [40, 0, 0]],
      [[0, 0, 0], [20 * Math.cos(tilt), 20 * Math.sin(tilt), 0]],
    );
    const axes = bidirectionalAxes(m);
    expect(axes.longMm).toBeCloseTo(40, 10);
    expect(axes.shortMm).toBeCloseTo(20, 10);
    expect(axes.perpendicularityErrorDeg).toBeCloseTo(10, 8);
  });

  it('reports the longer axis as long even when the handles were swapped', () => {
    const m = bidirectional([[0, 0, 0], [0, 10, 0]], [[0, 0, 0], [0, 0, 25]]);
    expect(bidirectionalAxes(m)).toMatchObject({ longMm: 25, shortMm: 10 });
  });
});
