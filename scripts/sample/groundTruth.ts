import { dot, sub, type Vec3 } from '../../src/geometry/vec3';
import { sliceStep, slicePosition, type Grid } from './grid';
import { axisDiameter, boundingBox, volumeAndCentroid, type Diameter } from './lesionGeometry';
import type { Lesion } from './lesion';
import {
  FOLLOWUP_ROTATION_DEG,
  FOLLOWUP_TRANSLATION_MM,
  PATIENT,
  SEED,
  SERIES,
  STUDIES,
  type SeriesSpec,
  type TimepointId,
} from './protocol';
import { applyRigid, toMatrix4x4, type RigidTransform } from './transform';
import { frameOfReferenceUid, seriesUid, studyUid } from './uids';
import { buildVertebrae } from './vertebrae';
import { imageFileName } from './writeDicom';

const r3 = (v: number): number => Math.round(v * 1000) / 1000 + 0;
const v3 = (v: Vec3): [number, number, number] => [r3(v[0]), r3(v[1]), r3(v[2])];

/** Fine-grid step for volume and diameters (mm). */
const FINE_STEP_MM = 0.1;

interface DiameterJson {
  lengthMm: number;
  from: [number, number, number];
  to: [number, number, number];
}

const diameterJson = (d: Diameter): DiameterJson => ({ lengthMm: r3(d.lengthMm), from: v3(d.from), to: v3(d.to) });

export interface SeriesTruth {
  seriesInstanceUID: string;
  frameOfReferenceUID: string;
  modality: 'CT' | 'MR';
  seriesDescription: string;
  directory: string;
  images: number;
  grid: {
    rows: number;
    columns: number;
    pixelSpacing: [number, number];
    sliceSpacing: number;
    sliceThickness: number;
    imageOrientationPatient: number[];
    firstImagePosition: [number, number, number];
    lastImagePosition: [number, number, number];
  };
  lesion: {
    centroid: [number, number, number];
    centroidImage: { file: string; column: number; row: number; sliceIndex: number };
    boundingBox: {
      min: [number, number, number];
      max: [number, number, number];
      centre: [number, number, number];
      size: [number, number, number];
    };
    diameters: { lr: DiameterJson; ap: DiameterJson; si: DiameterJson };
  };
  vertebralBodyCentres: Record<string, [number, number, number]>;
}

export interface TimepointTruth {
  studyInstanceUID: string;
  studyDate: string;
  studyTime: string;
  studyDescription: string;
  accessionNumber: string;
  lesion: {
    volumeMm3: number;
    volumeMl: number;
    ellipsoidFromDiametersMl: number;
    ellipsoidFromBoundingBoxMl: number;
    lobes: { name: string; centre: [number, number, number]; semiAxesMm: [number, number, number]; axes: number[][] }[];
  };
  series: Record<string, SeriesTruth>;
}

export interface GroundTruth {
  about: string;
  generator: { command: string; seed: string; fineGridStepMm: number };
  coordinates: string;
  patient: { name: string; id: string; birthDate: string; sex: string };
  followupPatientTransform: {
    description: string;
    rotationAxis: [number, number, number];
    rotationDeg: number;
    rotationCentre: [number, number, number];
    translationMm: [number, number, number];
    matrix4x4RowMajor: number[];
  };
  timepoints: Record<TimepointId, TimepointTruth>;
  followupToBaselineVolumeRatio: number;
}

/** Fractional (column, row, slice) of a patient point on a grid. */
function gridIndex(g: Grid, p: Vec3): [number, number, number] {
  const d = sub(p, slicePosition(g, 0));
  return [
    dot(d, g.rowDirection) / g.pixelSpacing[1],
    dot(d, g.columnDirection) / g.pixelSpacing[0],
    dot(d, sliceStep(g)) / g.sliceSpacing ** 2,
  ];
}

function seriesTruth(spec: SeriesSpec, lesion: Lesion, pose: RigidTransform, centroidAnatomy: Vec3): SeriesTruth {
  const lobes = lesion.lobes.map((l) => l.ellipsoid.transformed(pose));
  const box = boundingBox(lobes);
  const lr = axisDiameter(lobes, 0, FINE_STEP_MM);
  const ap = axisDiameter(lobes, 1, FINE_STEP_MM);
  const si = axisDiameter(lobes, 2, FINE_STEP_MM);
  const centroid = applyRigid(pose, centroidAnatomy);
  const [ci, cj, ck] = gridIndex(spec.grid, centroid).map(Math.round) as [number, number, number];
  const g = spec.grid;
  const centres: Record<string, [number, number, number]> = {};
  for (const v of buildVertebrae().vertebrae) if (v.body) centres[v.name] = v3(applyRigid(pose, v.body.centre));
  return {
    seriesInstanceUID: seriesUid(spec.id),
    frameOfReferenceUID: frameOfReferenceUid(spec.timepoint),
    modality: spec.modality,
    seriesDescription: spec.description,
    directory: spec.directory,
    images: g.slices,
    grid: {
      rows: g.rows,
      columns: g.columns,
      pixelSpacing: [g.pixelSpacing[0], g.pixelSpacing[1]],
      sliceSpacing: g.sliceSpacing,
      sliceThickness: g.sliceThickness,
      imageOrientationPatient: [...g.rowDirection, ...g.columnDirection],
      firstImagePosition: v3(slicePosition(g, 0)),
      lastImagePosition: v3(slicePosition(g, g.slices - 1)),
    },
    lesion: {
      centroid: v3(centroid),
      centroidImage: { file: `${spec.directory}/${imageFileName(ck + 1)}`, column: ci, row: cj, sliceIndex: ck },
      boundingBox: {
        min: v3(box.min),
        max: v3(box.max),
        centre: v3([(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2, (box.min[2] + box.max[2]) / 2]),
        size: v3([box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]]),
      },
      diameters: { lr: diameterJson(lr), ap: diameterJson(ap), si: diameterJson(si) },
    },
    vertebralBodyCentres: centres,
  };
}

function timepointTruth(tp: TimepointId): TimepointTruth {
  const study = STUDIES[tp];
  const lobes = study.lesion.lobes.map((l) => l.ellipsoid);
  const { volumeMm3, centroid } = volumeAndCentroid(lobes, FINE_STEP_MM);
  const series: Record<string, SeriesTruth> = {};
  for (const spec of SERIES.filter((s) => s.timepoint === tp)) {
    series[spec.id] = seriesTruth(spec, study.lesion, study.pose, centroid);
  }
  const first = Object.values(series)[0];
  if (!first) throw new Error(`no series at ${tp}`);
  const d = first.lesion.diameters;
  return {
    studyInstanceUID: studyUid(tp),
    studyDate: study.date,
    studyTime: study.time,
    studyDescription: study.description,
    accessionNumber: study.accessionNumber,
    lesion: {
      volumeMm3: Math.round(volumeMm3 * 10) / 10,
      volumeMl: r3(volumeMm3 / 1000),
      ellipsoidFromDiametersMl: r3(((Math.PI / 6) * d.lr.lengthMm * d.ap.lengthMm * d.si.lengthMm) / 1000),
      ellipsoidFromBoundingBoxMl: r3(((Math.PI / 6) * first.lesion.boundingBox.size.reduce((a, b) => a * b, 1)) / 1000),
      lobes: study.lesion.lobes.map((l) => ({
        name: l.name,
        centre: v3(l.ellipsoid.centre),
        semiAxesMm: v3(l.ellipsoid.semi),
        axes: l.ellipsoid.axes.map((a) => a.map((x) => Math.round(x * 1e6) / 1e6 + 0)),
      })),
    },
    series,
  };
}

export function computeGroundTruth(): GroundTruth {
  const baseline = timepointTruth('baseline');
  const followup = timepointTruth('followup');
  return {
    about:
      'Ground truth of the synthetic C-spine phantom in sample-dicom/ (fictitious patient, not patient data). ' +
      'See README.md for field definitions.',
    generator: { command: 'npm run make-sample', seed: SEED, fineGridStepMm: FINE_STEP_MM },
    coordinates: 'DICOM patient coordinates of each series (LPS: +x patient left, +y posterior, +z head), millimetres',
    patient: { ...PATIENT },
    followupPatientTransform: {
      description:
        'Maps a point of the anatomy in baseline patient coordinates to the same point of the anatomy in follow-up ' +
        'patient coordinates: p_followup = R * p_baseline + t.',
      rotationAxis: [1, 0, 0],
      rotationDeg: FOLLOWUP_ROTATION_DEG,
      rotationCentre: [0, 0, 0],
      translationMm: v3(FOLLOWUP_TRANSLATION_MM),
      matrix4x4RowMajor: toMatrix4x4(STUDIES.followup.pose).map((x) => Math.round(x * 1e9) / 1e9 + 0),
    },
    timepoints: { baseline, followup },
    followupToBaselineVolumeRatio: r3(followup.lesion.volumeMm3 / baseline.lesion.volumeMm3),
  };
}

/** Pretty JSON with flat numeric arrays (points, vectors) kept on one line. */
export function formatGroundTruthJson(gt: GroundTruth): string {
  const flatNumberArray = /\[\s*(-?\d[^[\]{}"]*?)\s*\]/g;
  const text = JSON.stringify(gt, null, 2).replace(flatNumberArray, (_m, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`);
  return `${text}\n`;
}
