import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CT_HU, MR_T2, Tissue } from '../../scripts/sample/tissues';
import { listFiles, loadGroundTruth, SAMPLE_DIR } from './paths';
import { num, readDicom } from './readDicom';

const gt = loadGroundTruth();
const { baseline, followup } = gt.timepoints;
const ct = baseline.series['baseline-ct']!;
const mr = baseline.series['baseline-mr']!;
const fu = followup.series['followup-mr']!;

/** Stored values → modality values of a whole series, voxel index = (slice * rows + row) * columns + column. */
function loadVolume(directory: string): { values: Float32Array; rows: number; columns: number; slices: number } {
  const files = listFiles(join(SAMPLE_DIR, directory));
  const first = readDicom(join(SAMPLE_DIR, directory, files[0]!)).tags;
  const rows = num(first.Rows);
  const columns = num(first.Columns);
  const values = new Float32Array(rows * columns * files.length);
  files.forEach((f, k) => {
    const { tags, pixels } = readDicom(join(SAMPLE_DIR, directory, f));
    const slope = tags.RescaleSlope === undefined ? 1 : num(tags.RescaleSlope);
    const intercept = tags.RescaleIntercept === undefined ? 0 : num(tags.RescaleIntercept);
    pixels.forEach((p, i) => (values[k * rows * columns + i] = p * slope + intercept));
  });
  return { values, rows, columns, slices: files.length };
}

function valueAt(directory: string, file: string, column: number, row: number): number {
  const { tags, pixels } = readDicom(join(SAMPLE_DIR, file));
  const slope = tags.RescaleSlope === undefined ? 1 : num(tags.RescaleSlope);
  const intercept = tags.RescaleIntercept === undefined ? 0 : num(tags.RescaleIntercept);
  expect(file.startsWith(directory)).toBe(true);
  return pixels[row * num(tags.Columns) + column]! * slope + intercept;
}

/** 6-connected region growing from a seed within [lo, hi]; returns the voxel count. */
function regionGrow(vol: ReturnType<typeof loadVolume>, seed: number, lo: number, hi: number): number {
  const { values, rows, columns, slices } = vol;
  const plane = rows * columns;
  const seen = new Uint8Array(values.length);
  const stack = [seed];
  seen[seed] = 1;
  let count = 0;
  while (stack.length > 0) {
    const v = stack.pop()!;
    count++;
    const i = v % columns;
    const j = Math.floor(v / columns) % rows;
    const k = Math.floor(v / plane);
    const steps: [number, boolean][] = [
      [1, i < columns - 1],
      [-1, i > 0],
      [columns, j < rows - 1],
      [-columns, j > 0],
      [plane, k < slices - 1],
      [-plane, k > 0],
    ];
    for (const [d, ok] of steps) {
      const w = v + d;
      if (ok && !seen[w] && values[w]! >= lo && values[w]! <= hi) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return count;
}

// Noise is a sum of four uniforms: bounded by ±3.47 σ.
const CT_NOISE_BOUND = 3.5 * 6;
const MR_NOISE_BOUND = 3.5 * 20 * 1.5;

describe('pixel values of the written files', () => {
  it('CT reads the lesion HU at the lesion centroid and air in the corner', () => {
    const c = ct.lesion.centroidImage;
    const lesion = valueAt(ct.directory, c.file, c.column, c.row);
    expect(Math.abs(lesion - CT_HU[Tissue.LESION]!)).toBeLessThanOrEqual(CT_NOISE_BOUND);
    expect(Math.abs(valueAt(ct.directory, c.file, 0, 0) - CT_HU[Tissue.AIR]!)).toBeLessThanOrEqual(CT_NOISE_BOUND);
  });

  it('MR reads the lesion signal at the centroid (baseline and follow-up) and dark air', () => {
    for (const s of [mr, fu]) {
      const c = s.lesion.centroidImage;
      const lesion = valueAt(s.directory, c.file, c.column, c.row);
      expect(Math.abs(lesion - MR_T2[Tissue.LESION]!)).toBeLessThanOrEqual(MR_NOISE_BOUND);
      expect(valueAt(s.directory, c.file, 2, 2)).toBeLessThan(100);
    }
  });

  it.each([
    ['baseline CT, [65, 250] HU', ct, baseline.lesion.volumeMm3, 65, 250],
    ['baseline MR, [700, 1300]', mr, baseline.lesion.volumeMm3, 700, 1300],
    ['follow-up MR, [700, 1300]', fu, followup.lesion.volumeMm3, 700, 1300],
  ] as const)('region growing on %s from the centroid gets within 5 %% of the true volume', (_name, s, truth, lo, hi) => {
    const vol = loadVolume(s.directory);
    const c = s.lesion.centroidImage;
    const seed = (c.sliceIndex * vol.rows + c.row) * vol.columns + c.column;
    const voxelMm3 = s.grid.pixelSpacing[0] * s.grid.pixelSpacing[1] * s.grid.sliceSpacing;
    const grown = regionGrow(vol, seed, lo, hi) * voxelMm3;
    expect(Math.abs(grown / truth - 1)).toBeLessThan(0.05);
  }, 60_000);
});
