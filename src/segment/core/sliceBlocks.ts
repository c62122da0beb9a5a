import type { Vec3 } from '../../geometry/vec3';
import type { VolumeGrid } from './types';

/** A step this much longer than the usual one is a gap (slices missing). */
const GAP_FACTOR = 1.5;
/** Steps within a block may differ by this fraction of the usual step (else no regular grid exists). */
const STEP_TOLERANCE = 0.02;

/** A run of evenly spaced slices k0..k1 and its true grid (k indexes the whole series: the block's voxels are k0..k1). */
export interface SliceBlock {
  k0: number;
  k1: number;
  grid: VolumeGrid;
}

export interface SliceLayout {
  dimensions: readonly [number, number];
  /** mm: column spacing (step of i), row spacing (step of j). */
  pixelSpacing: readonly [number, number];
  rowCosines: Vec3;
  columnCosines: Vec3;
  /** Image Position (Patient) of each slice, in the volume's slice order. */
  positions: readonly Vec3[];
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);

/**
 * The contiguous blocks of evenly spaced slices of a series, each with its true voxel grid from the Image
 * Positions: the slice step is the mean IPP step of the block, so a tilted gantry gives a sheared grid (voxel
 * volume = in-plane area × the spacing perpendicular to the slices) and a gap splits the series. Null when no
 * regular grid exists (fewer than 2 slices, repeated positions, uneven steps within a block).
 */
export function sliceBlocks(layout: SliceLayout): SliceBlock[] | null {
  const p = layout.positions;
  if (p.length < 2) return null;
  const steps = p.slice(1).map((q, k) => sub(q, p[k]!));
  const lengths = steps.map(norm);
  const usual = [...lengths].sort((a, b) => a - b)[lengths.length >> 1]!;
  if (!(usual > 1e-3)) return null;
  const blocks: SliceBlock[] = [];
  let k0 = 0;
  for (let k = 0; k <= steps.length; k++) {
    const gap = k < steps.length && lengths[k]! > GAP_FACTOR * usual;
    if (k < steps.length && !gap) {
      if (Math.abs(lengths[k]! - usual) > STEP_TOLERANCE * usual) return null;
      continue;
    }
    blocks.push(blockGrid(layout, k0, k, usual));
    k0 = k + 1;
  }
  return blocks;
}

function blockGrid(layout: SliceLayout, k0: number, k1: number, usual: number): SliceBlock {
  const p = layout.positions;
  // One-slice blocks take the usual step along the normal.
  const normal: Vec3 = [
    layout.rowCosines[1] * layout.columnCosines[2] - layout.rowCosines[2] * layout.columnCosines[1],
    layout.rowCosines[2] * layout.columnCosines[0] - layout.rowCosines[0] * layout.columnCosines[2],
    layout.rowCosines[0] * layout.columnCosines[1] - layout.rowCosines[1] * layout.columnCosines[0],
  ];
  const first = p[k0]!;
  const span = k1 > k0 ? sub(p[k1]!, first) : normal;
  const scale = k1 > k0 ? 1 / (k1 - k0) : usual;
  const step: Vec3 = [span[0] * scale, span[1] * scale, span[2] * scale];
  const length = norm(step);
  return {
    k0,
    k1,
    grid: {
      dimensions: [layout.dimensions[0], layout.dimensions[1], p.length],
      spacing: [layout.pixelSpacing[0], layout.pixelSpacing[1], length],
      origin: [first[0] - k0 * step[0], first[1] - k0 * step[1], first[2] - k0 * step[2]],
      direction: [layout.rowCosines, layout.columnCosines, [step[0] / length, step[1] / length, step[2] / length]],
    },
  };
}

/** The slices on either side of the gap(s) next to a block, for the flag text ("between slices 12 and 13"); null when none. */
export function gapBeside(blocks: readonly SliceBlock[], block: SliceBlock, atStart: boolean, atEnd: boolean): string | null {
  const parts: string[] = [];
  if (atStart && block.k0 > 0) parts.push(`between slices ${block.k0} and ${block.k0 + 1}`);
  if (atEnd && block.k1 < (blocks[blocks.length - 1]?.k1 ?? block.k1)) parts.push(`between slices ${block.k1 + 1} and ${block.k1 + 2}`);
  return parts.length ? parts.join(' and ') : null;
}
