import { z } from 'zod';
import { DIAMETER_AXES } from '../measure/types';
import { LESION_SITES, LESION_STATUSES, SEGMENTATION_FLAG_CODES } from './lesion';
import { STATE_VERSION, type SpineLensState } from './state';
import { VERTEBRAE } from './vertebrae';

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const segment = z.tuple([vec3, vec3]);
const unit = z.enum(['HU', '']);
const nonNegative = z.number().nonnegative();

const roiStats = z.object({ areaMm2: nonNegative, mean: z.number(), sd: nonNegative, min: z.number(), max: z.number(), unit });

const measurementBase = {
  id: z.string().min(1),
  studyInstanceUid: z.string().min(1),
  seriesKey: z.string(),
  frameOfReferenceUid: z.string(),
  createdAt: z.string(),
  label: z.string(),
  lesionId: z.string().min(1).optional(),
  level: z.string().min(1).optional(),
  viewPlaneNormal: vec3.optional(),
  uncalibrated: z.literal(true).optional(),
};

const measurementSchema = z.discriminatedUnion('kind', [
  z.object({ ...measurementBase, kind: z.literal('length'), points: segment, axis: z.enum(DIAMETER_AXES).optional() }),
  z.object({ ...measurementBase, kind: z.literal('bidirectional'), long: segment, short: segment, shortAxisSet: z.boolean().optional() }),
  z.object({ ...measurementBase, kind: z.literal('ellipse'), points: z.tuple([vec3, vec3, vec3, vec3]), stats: roiStats }),
  z.object({ ...measurementBase, kind: z.literal('freehand'), points: z.array(vec3).min(3), stats: roiStats }),
  z.object({ ...measurementBase, kind: z.literal('probe'), point: vec3, value: z.number(), unit }),
  z.object({ ...measurementBase, kind: z.literal('arrow'), points: segment, text: z.string() }),
]);

const lesionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  level: z.string(),
  levelSource: z.enum(['auto', 'user']),
  site: z.enum(LESION_SITES),
  notes: z.string(),
  status: z.enum(LESION_STATUSES),
  createdAt: z.string(),
});

const labelSchema = z.object({
  id: z.string().min(1),
  vertebra: z.enum(VERTEBRAE),
  position: vec3,
  studyInstanceUid: z.string().min(1),
  frameOfReferenceUid: z.string(),
});

const segmentationSummarySchema = z.object({
  lesionId: z.string().min(1),
  studyInstanceUid: z.string().min(1),
  seriesKey: z.string(),
  method: z.enum(['grow', 'line', 'edit']).optional(),
  modality: z.string().optional(),
  seriesDescription: z.string().optional(),
  flags: z.array(z.object({ code: z.enum(SEGMENTATION_FLAG_CODES), message: z.string() })).optional(),
  confirmedAt: z.string().optional(),
  createdAt: z.string().optional(),
  volumeMm3: nonNegative,
  voxelCount: z.number().int().nonnegative(),
  voxelVolumeMm3: nonNegative,
  longestDiameterMm: nonNegative,
  perpendicularDiameterMm: nonNegative,
});

const studyAlignmentSchema = z.object({
  fromStudyUid: z.string().min(1),
  toStudyUid: z.string().min(1),
  mode: z.enum(['translation', 'rigid']),
  translation: vec3,
  rotation: z.tuple([vec3, vec3, vec3]).optional(),
  residualRmsMm: nonNegative,
  pairCount: z.number().int().nonnegative(),
  source: z.enum(['labels', 'manual', 'point-pair']).optional(),
});

export const spineLensStateSchema = z
  .object({
    version: z.literal(STATE_VERSION),
    studiesKey: z.string(),
    lesions: z.array(lesionSchema),
    measurements: z.array(measurementSchema),
    labels: z.array(labelSchema),
    segmentationSummaries: z.array(segmentationSummarySchema),
    baselineStudyUid: z.string().min(1).optional(),
    alignment: z.array(studyAlignmentSchema).optional(),
    countedSeries: z.array(z.object({ studyInstanceUid: z.string().min(1), seriesKey: z.string().min(1) })).optional(),
    levelChanges: z.record(z.string(), z.object({ from: z.string(), to: z.string() })).optional(),
  })
  .superRefine((state, ctx) => {
    for (const key of ['lesions', 'measurements', 'labels'] as const) {
      const seen = new Set<string>();
      state[key].forEach((item, index) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: `Duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    }
  });

// Compile-time check that what the schema accepts is a SpineLensState.
const _schemaMatchesType: z.ZodType<SpineLensState> = spineLensStateSchema;
void _schemaMatchesType;
