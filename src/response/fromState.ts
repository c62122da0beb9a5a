import type { Lesion } from '../lesions/lesion';
import { lesionSummary } from '../lesions/lesionSummary';
import type { SpineLensState } from '../lesions/state';
import type { Timepoint } from '../lesions/timepoints';
import { seriesName } from './countedValues';
import { evaluateResponse, recistCriteria, volumetricCriteria, type ResponseInput, type ResponseResult } from './evaluate';
import { countedSeries, seriesInfo, type SeriesLookup, type TimepointSeries } from './seriesChoice';

export type VolumeSource = 'segmented' | 'ellipsoid';

export interface ResponseOptions {
  /** Target lesions; by default every lesion not marked 'new'. */
  targetLesionIds?: readonly string[];
  /** Which volume feeds the volumetric response. Sources are never mixed across timepoints. */
  volumeSource?: VolumeSource;
  /** Modality and description of the loaded series. */
  seriesInfo?: SeriesLookup;
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
 * Only values that deserve it drive the response: those of the series that counts at each timepoint
 * (see countedSeries), of the baseline's modality, RECIST diameters measured in the axial plane, and
 * segmented volumes not flagged or confirmed by the reader. Anything else makes the timepoint not
 * evaluable (NE) with the reason. A target lesion without a finding at a follow-up counts as 0 (gone) when
 * its status is 'resolved'. A timepoint has a new lesion when a lesion with status 'new' has a finding there.
 */
export function patientResponse(state: SpineLensState, timepoints: readonly Timepoint[], options: ResponseOptions = {}): PatientResponse {
  const baselineIndex = timepoints.findIndex((t) => t.isBaseline);
  const evaluated = baselineIndex < 0 ? [] : timepoints.slice(baselineIndex);
  const studies = evaluated.map((t) => t.studyInstanceUid);
  const choices = countedSeries(state, timepoints, options.seriesInfo).filter((c) => studies.includes(c.studyInstanceUid));
  const targets = options.targetLesionIds
    ? state.lesions.filter((l) => options.targetLesionIds!.includes(l.id))
    : state.lesions.filter((l) => l.status !== 'new');
  const newLesionIds = state.lesions.filter((l) => l.status === 'new').map((l) => l.id);
  const volumeSource = options.volumeSource ?? 'segmented';
  const context: ValueContext = { state, choices, lookup: options.seriesInfo, labels: evaluated.map((t) => t.label) };

  const perLesion = targets.map((lesion) => {
    const diameters = choices.map((_, i) => lesionValue(context, lesion, i, 'diameter', volumeSource));
    const volumes = choices.map((_, i) => lesionValue(context, lesion, i, 'volume', volumeSource));
    return {
      lesion,
      diameters,
      volumes,
      response: {
        lesionId: lesion.id,
        recist: evaluateResponse(diameters, recistCriteria(1, 'longest diameter')),
        volumetric: evaluateResponse(volumes, volumetricCriteria('volume')),
      },
    };
  });

  const newLesion = studies.map((uid) => newLesionIds.some((id) => hasFinding(state, id, uid)));
  const sums = (key: 'diameters' | 'volumes'): ResponseInput[] =>
    studies.map((studyInstanceUid, i) => {
      const values = perLesion.map((l) => ({ name: l.lesion.name, input: l[key][i]! }));
      const missing = values.filter((v) => v.input.value === null);
      const value = values.length === 0 || missing.length > 0 ? null : values.reduce((sum, v) => sum + (v.input.value ?? 0), 0);
      const reason = missing.length > 0 ? missing.map((v) => `${v.name}: ${v.input.reason ?? 'not measured'}`).join('; ') : undefined;
      return { studyInstanceUid, value, newLesion: newLesion[i] ?? false, ...(reason ? { reason } : {}) };
    });

  return {
    targetLesionIds: targets.map((l) => l.id),
    studyInstanceUids: studies,
    recist: evaluateResponse(sums('diameters'), recistCriteria(targets.length)),
    volumetric: evaluateResponse(sums('volumes'), volumetricCriteria()),
    perLesion: perLesion.map((l) => l.response),
  };
}

/** Sum of the values, or null if any is missing or there are none. */
export function sumOrNull(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

interface ValueContext {
  state: SpineLensState;
  /** The counted series of each evaluated timepoint, baseline first. */
  choices: readonly TimepointSeries[];
  lookup: SeriesLookup | undefined;
  labels: readonly string[];
}

/** The value a lesion contributes at the i-th evaluated timepoint, or null with the reason. */
function lesionValue(context: ValueContext, lesion: Lesion, i: number, kind: 'diameter' | 'volume', volumeSource: VolumeSource): ResponseInput {
  const { state, choices, lookup } = context;
  const choice = choices[i]!;
  const studyInstanceUid = choice.studyInstanceUid;
  const isBaseline = i === 0;
  const ne = (reason: string): ResponseInput => ({ studyInstanceUid, value: null, reason });
  const counted = choice.counted;
  const found = counted !== null && hasFinding(state, lesion.id, studyInstanceUid, counted);
  if (!found) {
    const elsewhere = choice.seriesKeys.find((k) => k !== counted && hasFinding(state, lesion.id, studyInstanceUid, k));
    if (elsewhere !== undefined && counted !== null) {
      return ne(`measured at ${context.labels[i]} only in ${nameOf(elsewhere)}, not in the series that counts (${nameOf(counted)})`);
    }
    return lesion.status === 'resolved' && !isBaseline ? { studyInstanceUid, value: 0 } : ne(`not measured at ${context.labels[i]}`);
  }
  const here = info(counted);
  const baselineSeries = choices[0]?.counted ?? null;
  if (!isBaseline && baselineSeries !== null && here.modality && info(baselineSeries).modality && here.modality !== info(baselineSeries).modality) {
    return ne(`measured on ${here.modality} at ${context.labels[i]} but on ${info(baselineSeries).modality} at baseline; the response compares the same modality`);
  }
  const summary = lesionSummary(state, lesion.id, studyInstanceUid, counted);
  const where = nameOf(counted);
  // Pixels laid out as if 1 mm apart: any number from them would be a made-up mm or mL, and a made-up response.
  if (summary.uncalibrated !== null) return ne(`${where} has no valid Pixel Spacing (lengths in px, not mm)`);
  if (kind === 'diameter') {
    if (summary.longestAxialDiameter) return { studyInstanceUid, value: summary.longestAxialDiameter.mm };
    const other = summary.longestDiameter;
    return ne(
      other
        ? `the longest diameter at ${context.labels[i]} was measured only in the ${other.plane} plane; RECIST 1.1 takes it in the axial plane`
        : `no diameter measured at ${context.labels[i]} in ${where}`,
    );
  }
  if (volumeSource === 'ellipsoid') {
    return summary.ellipsoidVolumeMl === null
      ? ne(`no ellipsoid volume at ${context.labels[i]} in ${where} (it needs AP, transverse and CC diameters)`)
      : { studyInstanceUid, value: summary.ellipsoidVolumeMl };
  }
  if (summary.segmentation === null || summary.segmentedVolumeMl === null) return ne(`not segmented at ${context.labels[i]} in ${where}`);
  if (summary.segmentationFlagged) {
    const why = (summary.segmentation.flags ?? []).map((f) => f.message).join(' ');
    return ne(`the segmented volume at ${context.labels[i]} is flagged and not confirmed (${why})`);
  }
  return { studyInstanceUid, value: summary.segmentedVolumeMl };

  function info(seriesKey: string) {
    return seriesInfo(state, seriesKey, lookup);
  }
  function nameOf(seriesKey: string): string {
    const { modality, description } = info(seriesKey);
    return seriesName({ seriesKey, modality, seriesDescription: description });
  }
}

function hasFinding(state: SpineLensState, lesionId: string, studyUid: string, seriesKey?: string): boolean {
  const here = (x: { lesionId?: string; studyInstanceUid: string; seriesKey: string }): boolean =>
    x.lesionId === lesionId && x.studyInstanceUid === studyUid && (seriesKey === undefined || x.seriesKey === seriesKey);
  return state.measurements.some((m) => here(m) && (seriesKey === undefined || m.kind === 'length' || m.kind === 'bidirectional')) || state.segmentationSummaries.some(here);
}
