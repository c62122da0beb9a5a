import type { Index3, IndexBox, VolumeGrid } from './types';

export function fullBox(grid: VolumeGrid): IndexBox {
  const [nx, ny, nz] = grid.dimensions;
  return { min: [0, 0, 0], max: [nx - 1, ny - 1, nz - 1] };
}

/** Intersection of `box` with the grid; null when empty. Coordinates are rounded to integers. */
export function clampBox(grid: VolumeGrid, box: IndexBox): IndexBox | null {
  const [nx, ny, nz] = grid.dimensions;
  const min: Index3 = [Math.max(0, Math.ceil(box.min[0])), Math.max(0, Math.ceil(box.min[1])), Math.max(0, Math.ceil(box.min[2]))];
  const max: Index3 = [
    Math.min(nx - 1, Math.floor(box.max[0])),
    Math.min(ny - 1, Math.floor(box.max[1])),
    Math.min(nz - 1, Math.floor(box.max[2])),
  ];
  if (min[0] > max[0] || min[1] > max[1] || min[2] > max[2]) return null;
  return { min, max };
}

export function padBox(box: IndexBox, pad: number): IndexBox {
  return {
    min: [box.min[0] - pad, box.min[1] - pad, box.min[2] - pad],
    max: [box.max[0] + pad, box.max[1] + pad, box.max[2] + pad],
  };
}

export function boxSize(box: IndexBox): Index3 {
  return [box.max[0] - box.min[0] + 1, box.max[1] - box.min[1] + 1, box.max[2] - box.min[2] + 1];
}

export function boxVoxelCount(box: IndexBox): number {
  const [a, b, c] = boxSize(box);
  return a * b * c;
}

export function boxContains(box: IndexBox, p: Index3): boolean {
  return (
    p[0] >= box.min[0] && p[0] <= box.max[0] && p[1] >= box.min[1] && p[1] <= box.max[1] && p[2] >= box.min[2] && p[2] <= box.max[2]
  );
}

