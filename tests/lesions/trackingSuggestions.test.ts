import { describe, expect, it } from 'vitest';
import {
  emptyState,
  timepointsFromStudies,
  trackingSuggestions,
  type Lesion,
  type SegmentationSummary,
  type SpineLensState,
  type StudyAlignment,
  type VertebralLabel,
} from '../../src/lesions';
import { lengthMeasurement } from './fixtures';

const BASE = 'study-base';
const FU = 'study-fu';
const timepoints = timepointsFromStudies([
  { studyInstanceUid: BASE, date: '20260105', time: '' },
  { studyInstanceUid: FU, date: '20260405', time: '' },
]);

function lesion(id: string, overrides: Partial<Lesion> = {}): Lesion {
  return { id, name: id, level: '', levelSource: 'auto', site: 'osseous', notes: '', status: 'tracked', createdAt: '2026-01-05T00:00:00Z', ...overrides };
}

function summary(lesionId: string, studyInstanceUid: string, seriesKey = `${studyInstanceUid}-mr`): SegmentationSummary {
  return { lesionId, studyInstanceUid, seriesKey, volumeMm3: 1000, voxelCount: 100, voxelVolumeMm3: 10, longestDiameterMm: 20, perpendicularDiameterMm: 10 };
}

function label(vertebra: 'C2' | 'C3' | 'C4' | 'C5' | 'C6', z: number, study: string): VertebralLabel {
  return { id: `${study}-${vertebra}`, vertebra, position: [0, 0, z], studyInstanceUid: study, frameOfReferenceUid: `for-${study}` };
}

const at = (study: string) => ({ studyInstanceUid: study, frameOfReferenceUid: `for-${study}` });

/** Lesion A measured at baseline around (0, 20, 0); the follow-up patient is shifted +10 mm in z. */
function scene(extra: Partial<SpineLensState> = {}): SpineLensState {
  return {
    ...emptyState('k'),
    lesions: [lesion('A')],
    measurements: [lengthMeasurement([-5, 20, 0], [5, 20, 0], { id: 'mA', lesionId: 'A', ...at(BASE) })],
    ...extra,
  };
}

const shift: StudyAlignment = { fromStudyUid: BASE, toStudyUid: FU, mode: 'translation', translation: [0, 0, 10], residualRmsMm: 0, pairCount: 0 };

describe('trackingSuggestions', () => {
  it('ranks unlinked follow-up measurements by distance after the alignment, dropping far ones', () => {
    const state = scene({
      alignment: [shift],
      measurements: [
        ...scene().measurements,
        lengthMeasurement([-3, 20, 30], [3, 20, 30], { id: 'far-ish', ...at(FU) }), // 20 mm from the aligned (0,20,10)
        lengthMeasurement([-3, 20, 11], [3, 20, 11], { id: 'near', ...at(FU) }), // 1 mm
        lengthMeasurement([-3, 20, 90], [3, 20, 90], { id: 'far', ...at(FU) }), // 80 mm: dropped
        lengthMeasurement([-3, 20, 10], [3, 20, 10], { id: 'baseline-unlinked', ...at(BASE) }), // wrong study
      ],
    });
    const s = trackingSuggestions(state, timepoints);
    expect(s.map((x) => x.candidate)).toEqual([
      { kind: 'measurement', measurementId: 'near' },
      { kind: 'measurement', measurementId: 'far-ish' },
    ]);
    expect(s[0]!.lesionId).toBe('A');
    expect(s[0]!.studyInstanceUid).toBe(FU);
    expect(s[0]!.distanceMm).toBeCloseTo(1, 6);
    expect(s[1]!.distanceMm).toBeCloseTo(20, 6);
  });

  it('without the alignment the raw positions are compared', () => {
    const state = scene({ measurements: [...scene().measurements, lengthMeasurement([-3, 20, 11], [3, 20, 11], { id: 'near', ...at(FU) })] });
    expect(trackingSuggestions(state, timepoints)[0]!.distanceMm).toBeCloseTo(11, 6);
  });

  it('a level disagreement outweighs a few mm', () => {
    const labels = [label('C2', 0, BASE), label('C3', -25, BASE), label('C2', 10, FU), label('C3', -15, FU), label('C4', -40, FU)];
    const state = scene({
      labels,
      lesions: [lesion('A', { level: 'C2' })],
      alignment: [shift],
      measurements: [
        ...scene().measurements,
        lengthMeasurement([-3, 20, -20], [3, 20, -20], { id: 'c3', ...at(FU) }), // 30 mm away, C3 (adjacent)
        lengthMeasurement([-3, 20, -34], [3, 20, -34], { id: 'c4', ...at(FU) }), // 44 mm: beyond the limit
        lengthMeasurement([-3, 20, 5], [3, 20, 5], { id: 'c2', ...at(FU) }), // 5 mm, C2
      ],
    });
    const s = trackingSuggestions(state, timepoints);
    expect(s.map((x) => [x.level, x.levelRelation])).toEqual([
      ['C2', 'same'],
      ['C3', 'adjacent'],
    ]);
  });

  it('offers the segmentation of a lesion seen only at the follow-up, not of one marked new or seen at baseline', () => {
    const state = scene({
      lesions: [lesion('A'), lesion('B'), lesion('N', { status: 'new' }), lesion('C')],
      measurements: [...scene().measurements, lengthMeasurement([0, 0, 0], [1, 0, 0], { id: 'mC', lesionId: 'C', ...at(BASE) })],
      segmentationSummaries: [summary('B', FU), summary('N', FU), summary('C', FU)],
    });
    const s = trackingSuggestions(state, timepoints);
    expect(s.map((x) => x.candidate)).toEqual([{ kind: 'segmentation', fromLesionId: 'B', seriesKey: `${FU}-mr` }]);
    expect(s[0]!.distanceMm).toBeNull();
    expect(s[0]!.levelRelation).toBe('unknown');
  });

  it('a segmentation-only baseline lesion is tracked too; a clearly different level is not suggested', () => {
    const state = scene({
      lesions: [lesion('A', { level: 'C2' }), lesion('B', { level: 'C6' }), lesion('D', { level: 'C3' })],
      measurements: [],
      segmentationSummaries: [summary('A', BASE), summary('B', FU), summary('D', FU)],
    });
    const s = trackingSuggestions(state, timepoints);
    expect(s.map((x) => x.candidate.kind === 'segmentation' && x.candidate.fromLesionId)).toEqual(['D']);
  });

  it('nothing when the lesion is found at the follow-up, resolved, or there is no follow-up', () => {
    const unlinked = lengthMeasurement([0, 20, 0], [1, 20, 0], { id: 'u', ...at(FU) });
    const found = scene({ measurements: [...scene().measurements, unlinked], segmentationSummaries: [summary('A', FU)] });
    expect(trackingSuggestions(found, timepoints)).toEqual([]);
    const resolved = scene({ lesions: [lesion('A', { status: 'resolved' })], measurements: [...scene().measurements, unlinked] });
    expect(trackingSuggestions(resolved, timepoints)).toEqual([]);
    expect(trackingSuggestions(scene({ measurements: [...scene().measurements, unlinked] }), timepoints.slice(0, 1))).toEqual([]);
  });
});
