import { describe, expect, it } from 'vitest';
import { adaptiveGrow, voxelVolumeMm3 } from '../../src/segment/core';
import { EDGE_LEVELS } from '../../src/features/segmentation/segmentationStore';
import { lesionPhantom } from './lesionPhantom';

/** Every step of the Edge slider the reader can set, from tight to loose. */
const steps: number[] = [];
for (let v = EDGE_LEVELS.min; v <= EDGE_LEVELS.max + 1e-9; v += EDGE_LEVELS.step) steps.push(Math.round(v * 1000) / 1000);

describe('Edge slider: each step changes the volume of the small lesion', () => {
  const cases = [
    ['MR 1.6 mL, 0.8×0.9×3.3 mm (the small follow-up lesion)', { volumeMl: 1.6, spacing: [0.8, 0.9, 3.3] as [number, number, number], lesion: 600, background: 250, noiseSd: 25, seed: 31 }],
    ['CT 0.5 mL, 0.7×0.7×1.25 mm', { volumeMl: 0.5, spacing: [0.7, 0.7, 1.25] as [number, number, number], lesion: 90, background: 40, noiseSd: 6, seed: 32 }],
  ] as const;
  for (const [name, spec] of cases) {
    it(`${name}: strictly larger at every step, the default step near the truth`, () => {
      expect(steps.length).toBeGreaterThanOrEqual(5);
      const p = lesionPhantom(spec);
      const seed = p.innerSeeds(1)[0]!;
      const ml = steps.map((edgeLevel) => (adaptiveGrow(p.scalars, p.grid, seed, { edgeLevel }).voxelCount * voxelVolumeMm3(p.grid)) / 1000);
      console.log(`${name}: ${steps.map((s, n) => `${s}→${ml[n]!.toFixed(3)}`).join(', ')} mL (truth ${p.truthMl.toFixed(3)})`);
      for (let n = 1; n < ml.length; n++) expect(ml[n]!, `step ${steps[n]} vs ${steps[n - 1]}`).toBeGreaterThan(ml[n - 1]!);
      const atDefault = ml[steps.indexOf(EDGE_LEVELS.default)]!;
      expect(Math.abs(atDefault / p.truthMl - 1)).toBeLessThanOrEqual(0.05);
    });
  }
});
