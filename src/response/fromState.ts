import type { Lesion } from '../lesions/lesion';
import { lesionSummary } from '../lesions/lesionSummary';
import type { SpineLensState } from '../lesions/state';
import type { Timepoint } from '../lesions/timepoints';
import { evaluateResponse, recistCriteria, volumetricCriteria, type ResponseInput, type ResponseResult } from './evaluate';

export type VolumeSource = 'segmented' | 'ellipsoid';

export interface ResponseOptions {
  /** Target lesions; by default every lesion not marked 'new'. */
  targetLesionIds?: readonly string[];
  /** Which volume feeds the volumetric response. Sources are never mixed across timepoints. */
  volumeSource?: VolumeSource;
}

export interface LesionResponse {
  lesionId: string;
  recist: ResponseResult[];
  volumetric: ResponseResult[];
}

export interface PatientResponse {
  targetLesionIds: string[];
  /** Study uids evaluated, baseline first. */
  studyInstanceUids: string[];
  recist: ResponseResult[];
  volumetric: ResponseResult[];
  perLesion: LesionResponse[];
}

/**
 * Per-patient and per-lesion response from the saved state, for the baseline and the timepoints after
 * it (earlier studies are not part of the response assessment).
 *
 * A target lesion without a measurement at a follow-up counts as 0 (gone) when its status is
 * 'resolved', otherwise the timepoint is not evaluable (NE). A timepoint has a new lesion when a lesion
 * with status 'new' has a measurement or segmentation in that study.
 */
export function patientResponse(state: SpineLensState, timepoints: readonly Timepoint[], options: ResponseOptions = {}): PatientResponse {
  const baselineIndex = timepoints.findIndex((t) => t.isBaseline);
  const studies = (baselineIndex < 0 ? [] : timepoints.slice(baselineIndex)).map((t) => t.studyInstanceUid);
  const targets = options.targetLesionIds
    ? state.lesions.filter((l) => options.targetLesionIds!.includes(l.id))
    : state.lesions.filter((l) => l.status !== 'new');
  const newLesionIds = state.lesions.filter((l) => l.status === 'new').map((l) => l.id);
  const volumeSource = options.volumeSource ?? 'segmented';

  const perLesion = targets.map((lesion) => {
    const diameters = studies.map((uid, i) => lesionValue(state, lesion, uid, i === 0, 'diameter', volumeSource));
    const volumes = studies.map((uid, i) => lesionValue(state, lesion, uid, i === 0, 'volume', volumeSource));
    return {
      lesionId: lesion.id,
      diameters,
      volumes,
      response: {
        lesionId: lesion.id,
        recist: evaluateResponse(inputs(studies, diameters), recistCriteria(1, 'longest diameter')),
        volumetric: evaluateResponse(inputs(studies, volumes), volumetricCriteria('volume')),
      },
    };
  });

  const newLesion = studies.map((uid) => newLesionIds.some((id) => hasFinding(state, id, uid)));
  const sums = (key: 'diameters' | 'volumes'): (number | null)[] =>
    studies.map((_, i) => sumOrNull(perLesion.map((l) => l[key][i] ?? null)));

  return {
    targetLesionIds: targets.map((l) => l.id),
    studyInstanceUids: studies,
    recist: evaluateResponse(inputs(studies, sums('diameters'), newLesion), recistCriteria(targets.length)),
    volumetric: evaluateResponse(inputs(studies, sums('volumes'), newLesion), volumetricCriteria()),
    perLesion: perLesion.map((l) => l.response),
  };
}

/** Sum of the values, or null if any is missing or there are none. */
export function sumOrNull(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

function lesionValue(
  state: SpineLensState,
  lesion: Lesion,
  studyUid: string,
  isBaseline: boolean,
  kind: 'diameter' | 'volume',
  volumeSource: VolumeSource,
): number | null {
  const summary = lesionSummary(state, lesion.id, studyUid);
  const value =
    kind === 'diameter'
      ? (summary.longestDiameter?.mm ?? null)
      : volumeSource === 'segmented'
        ? summary.segmentedVolumeMl
        : summary.ellipsoidVolumeMl;
  if (value === null && lesion.status === 'resolved' && !isBaseline) return 0;
  return value;
}

function hasFinding(state: SpineLensState, lesionId: string, studyUid: string): boolean {
  const inStudy = (x: { lesionId?: string; studyInstanceUid: string }): boolean => x.lesionId === lesionId && x.studyInstanceUid === studyUid;
  return state.measurements.some(inStudy) || state.segmentationSummaries.some(inStudy);
}

function inputs(studies: readonly string[], values: readonly (number | null)[], newLesion?: readonly boolean[]): ResponseInput[] {
  return studies.map((studyInstanceUid, i) => ({ studyInstanceUid, value: values[i] ?? null, newLesion: newLesion?.[i] ?? false }));
}
