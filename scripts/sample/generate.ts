import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAnatomy, type Anatomy } from './anatomy';
import { computeGroundTruth, formatGroundTruthJson, type GroundTruth } from './groundTruth';
import { ctStoredPixels, mrStoredPixels } from './pixels';
import { SEED, SERIES, STUDIES, seriesById, type SeriesId, type SeriesSpec, type TimepointId } from './protocol';
import { rasterize, type Rasterized } from './rasterize';
import { renderReadme } from './readme';
import { Rng } from './rng';
import { writeSeries } from './writeDicom';

export interface RenderedSeries {
  readonly spec: SeriesSpec;
  readonly volume: Rasterized;
  /** Stored pixel values (after noise), voxel order as in `volume`. */
  readonly stored: Uint16Array;
}

const anatomyCache = new Map<TimepointId, Anatomy>();

/** The phantom at a timepoint, in anatomy (= baseline patient) coordinates. */
export function anatomyAt(tp: TimepointId): Anatomy {
  let a = anatomyCache.get(tp);
  if (!a) {
    a = buildAnatomy(STUDIES[tp].lesion);
    anatomyCache.set(tp, a);
  }
  return a;
}

/** Sample one series (partial-volume supersampling), then add its seeded noise. */
export function renderSeries(id: SeriesId): RenderedSeries {
  const spec = seriesById(id);
  const study = STUDIES[spec.timepoint];
  const volume = rasterize(spec.grid, anatomyAt(spec.timepoint), study.pose, spec.tissueValues);
  const rng = new Rng(`${SEED}:${spec.id}:noise`);
  const addNoise = spec.modality === 'CT' ? ctStoredPixels : mrStoredPixels;
  const stored = addNoise(volume.signal, spec.noiseSigma, rng);
  return { spec, volume, stored };
}

export interface GeneratedSample {
  readonly files: string[];
  readonly series: RenderedSeries[];
  readonly groundTruth: GroundTruth;
}

/** Write the whole sample case into outDir (its series folders are replaced). Same bytes on every run. */
export function generateSample(outDir: string): GeneratedSample {
  const groundTruth = computeGroundTruth();
  const series: RenderedSeries[] = [];
  const files: string[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const spec of SERIES) rmSync(join(outDir, spec.directory), { recursive: true, force: true });
  for (const spec of SERIES) {
    const rendered = renderSeries(spec.id);
    series.push(rendered);
    files.push(...writeSeries(outDir, spec, STUDIES[spec.timepoint], rendered.stored));
  }
  const truthPath = join(outDir, 'ground-truth.json');
  writeFileSync(truthPath, formatGroundTruthJson(groundTruth));
  const readmePath = join(outDir, 'README.md');
  writeFileSync(readmePath, renderReadme(groundTruth));
  files.push(truthPath, readmePath);
  return { files, series, groundTruth };
}
