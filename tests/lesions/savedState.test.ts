import { describe, expect, it } from 'vitest';
import {
  emptyState,
  migrateSavedState,
  parseSavedState,
  serialiseState,
  studiesKey,
  type Lesion,
  type SpineLensState,
} from '../../src/lesions';
import type { Measurement } from '../../src/measure';
import { base, bidirectional, lengthMeasurement } from './fixtures';

const lesion: Lesion = {
  id: 'lesion-1',
  name: 'T5 body',
  level: 'T5',
  levelSource: 'auto',
  site: 'osseous+epidural',
  notes: 'Expansile, with epidural extension.',
  status: 'tracked',
  createdAt: '2026-01-05T10:00:00.000Z',
};

const stats = { areaMm2: 310.5, mean: 412.25, sd: 88.1, min: 120, max: 980, unit: 'HU' as const };
const measurements: Measurement[] = [
  lengthMeasurement([1.5, -2.25, 100], [12, 8, 100], { lesionId: 'lesion-1', axis: 'cc' }),
  bidirectional([[0, 0, 0], [31, 0, 0]], [[15, -12, 0], [15, 12, 0]], { lesionId: 'lesion-1' }),
  { ...base(), kind: 'ellipse', points: [[0, 0, 0], [10, 0, 0], [5, -3, 0], [5, 3, 0]], stats },
  { ...base(), kind: 'freehand', points: [[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0]], stats: { ...stats, unit: '' } },
  { ...base({ lesionId: 'lesion-1' }), kind: 'probe', point: [1, 2, 3], value: -0.5, unit: 'HU' },
  { ...base(), kind: 'arrow', points: [[0, 0, 0], [5, 5, 5]], text: 'pathological fracture' },
];

const state: SpineLensState = {
  version: 1,
  studiesKey: studiesKey(['study-2', 'study-1']),
  lesions: [lesion],
  measurements,
  labels: [{ id: 'label-1', vertebra: 'T5', position: [0, 20, -120.5], studyInstanceUid: 'study-1', frameOfReferenceUid: 'for-1' }],
  segmentationSummaries: [
    {
      lesionId: 'lesion-1',
      studyInstanceUid: 'study-1',
      seriesKey: 'series-1',
      volumeMm3: 9000.5,
      voxelCount: 12000,
      voxelVolumeMm3: 0.75004,
      longestDiameterMm: 32.1,
      perpendicularDiameterMm: 23.9,
    },
  ],
  baselineStudyUid: 'study-1',
  alignment: [
    {
      fromStudyUid: 'study-1',
      toStudyUid: 'study-2',
      mode: 'rigid',
      translation: [1, 2, 3],
      rotation: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
      residualRmsMm: 1.25,
      pairCount: 5,
    },
  ],
};

function expectError(input: unknown, ...fragments: string[]): void {
  const result = parseSavedState(input);
  expect(result.ok).toBe(false);
  if (!result.ok) for (const fragment of fragments) expect(result.error).toContain(fragment);
}

describe('saved state', () => {
  it('round-trips through JSON', () => {
    const result = parseSavedState(JSON.parse(serialiseState(state)));
    expect(result).toEqual({ ok: true, state });
  });

  it('parses JSON text directly', () => {
    expect(parseSavedState(serialiseState(state))).toEqual({ ok: true, state });
  });

  it('round-trips an empty state', () => {
    const empty = emptyState('study-1');
    expect(parseSavedState(serialiseState(empty))).toEqual({ ok: true, state: empty });
  });

  it('keys studies independent of order and duplicates', () => {
    expect(studiesKey(['b', 'a', 'b'])).toBe('a|b');
  });

  it('rejects a malformed lesion site with the path in the error', () => {
    const bad = { ...state, lesions: [{ ...lesion, site: 'lung' }] };
    expectError(bad, 'lesions[0].site');
  });

  it('rejects a length with one point', () => {
    const bad = { ...state, measurements: [{ ...measurements[0], points: [[0, 0, 0]] }] };
    expectError(bad, 'measurements[0].points');
  });

  it('rejects an unknown measurement kind and non-numeric coordinates', () => {
    expectError({ ...state, measurements: [{ ...measurements[0], kind: 'angle' }] }, 'measurements[0].kind');
    expectError({ ...state, labels: [{ ...state.labels[0], position: [0, 'x', 0] }] }, 'labels[0].position[1]');
  });

  it('rejects duplicate ids', () => {
    expectError({ ...state, lesions: [lesion, lesion] }, 'lesions[1].id', 'Duplicate id "lesion-1"');
  });

  it('rejects missing or newer versions and non-objects', () => {
    const { version: _version, ...withoutVersion } = state;
    expectError(withoutVersion, 'no valid "version"');
    expectError({ ...state, version: 2 }, 'newer SpineLens', 'version 2');
    expectError([], 'not an object');
    expectError(null, 'not an object');
    expectError('{not json', 'not valid JSON');
  });

  it('limits the number of problems listed', () => {
    const bad = { ...state, lesions: Array.from({ length: 8 }, (_, i) => ({ ...lesion, id: `l${i}`, status: 'gone' })) };
    expectError(bad, 'lesions[0].status', 'lesions[4].status', '(and 3 more problems)');
  });
});

describe('migrateSavedState', () => {
  it('runs each migration in turn up to the target version', () => {
    const migrations = {
      0: (v0: Record<string, unknown>) => ({ ...v0, lesions: v0['tumours'], tumours: undefined }),
      1: (v1: Record<string, unknown>) => ({ ...v1, upgradedTo2: true }),
    };
    const result = migrateSavedState({ version: 0, tumours: ['x'] }, migrations, 2);
    expect(result).toEqual({ ok: true, saved: { version: 2, lesions: ['x'], tumours: undefined, upgradedTo2: true } });
  });

  it('fails when a migration step is missing', () => {
    expect(migrateSavedState({ version: 0 }, {}, 1)).toEqual({ ok: false, error: 'Saved state format version 0 is not supported.' });
  });

  it('passes the current version through unchanged', () => {
    expect(migrateSavedState({ version: 1, a: 1 })).toEqual({ ok: true, saved: { version: 1, a: 1 } });
  });
});
