import { describe, expect, it } from 'vitest';
import { add, length, lerp, scale, sub, type Vec3 } from '../../src/geometry/vec3';
import { assignLevel, type Vertebra, type VertebralLabel } from '../../src/lesions';

function label(vertebra: Vertebra, position: Vec3, frameOfReferenceUid = 'for-1'): VertebralLabel {
  return { id: `label-${vertebra}-${frameOfReferenceUid}`, vertebra, position, studyInstanceUid: 'study-1', frameOfReferenceUid };
}

// Cervical body centres on a lordotic (curved) line in the sagittal plane; +y is posterior, +z superior.
const C2: Vec3 = [0, 0, 0];
const C3: Vec3 = [0, -5, -18];
const C4: Vec3 = [0, -6, -37];
const C5: Vec3 = [0, -4, -56];
const labels = [label('C2', C2), label('C3', C3), label('C4', C4), label('C5', C5)];

/** Unit vector perpendicular to segment a→b in the sagittal plane, pointing posterior (+y). */
function posteriorNormal(a: Vec3, b: Vec3): Vec3 {
  const d = sub(b, a);
  const n: Vec3 = [0, -d[2], d[1]];
  return scale(n, (n[1] >= 0 ? 1 : -1) / length(n));
}

/** A point at fraction t from a to b, moved `mm` posterior, perpendicular to the local axis. */
function posteriorTo(a: Vec3, b: Vec3, t: number, mm: number): Vec3 {
  return add(lerp(a, b, t), scale(posteriorNormal(a, b), mm));
}

describe('assignLevel', () => {
  it('assigns a point near a body centre to that level', () => {
    const result = assignLevel(add(C3, [3, 1, -2]), labels);
    expect(result?.level).toBe('C3');
    expect(result?.range).toEqual({ from: 'C3' });
    expect(result?.basis).toBe('labelled');
  });

  it('assigns a posterior point midway between C2 and C3 to "C2-3"', () => {
    const point = posteriorTo(C2, C3, 0.5, 35);
    const result = assignLevel(point, labels);
    expect(result?.level).toBe('C2-3');
    expect(result?.range).toEqual({ from: 'C2', to: 'C3' });
    expect(result?.levelIndex).toBeCloseTo(1.5, 10);
    expect(result?.distanceFromAxisMm).toBeCloseTo(35, 10);
  });

  it('uses the 35% band around each body centre', () => {
    expect(assignLevel(posteriorTo(C2, C3, 0.3, 20), labels)?.level).toBe('C2');
    expect(assignLevel(posteriorTo(C2, C3, 0.4, 20), labels)?.level).toBe('C2-3');
    expect(assignLevel(posteriorTo(C2, C3, 0.6, 20), labels)?.level).toBe('C2-3');
    expect(assignLevel(posteriorTo(C2, C3, 0.7, 20), labels)?.level).toBe('C3');
  });

  it('follows the curve: uses the nearest segment, not a global axis', () => {
    expect(assignLevel(posteriorTo(C3, C4, 0.5, 25), labels)?.level).toBe('C3-4');
    expect(assignLevel(posteriorTo(C4, C5, 0.5, 25), labels)?.level).toBe('C4-5');
    // The posterior offset is measured from the C4-C5 segment, which a straight C2→C5 axis would skew.
    expect(assignLevel(posteriorTo(C4, C5, 0.5, 25), labels)?.levelIndex).toBeCloseTo(3.5, 10);
  });

  it('extrapolates up to one spacing beyond the end labels', () => {
    // Beyond C2 along the C3→C2 direction: t < 0 on the C2-C3 segment.
    expect(assignLevel(posteriorTo(C2, C3, -0.2, 10), labels)).toMatchObject({ level: 'C2', basis: 'labelled' });
    expect(assignLevel(posteriorTo(C2, C3, -0.5, 10), labels)).toMatchObject({ level: 'C1-2', basis: 'extrapolated' });
    expect(assignLevel(posteriorTo(C2, C3, -0.9, 10), labels)).toMatchObject({ level: 'C1', basis: 'extrapolated' });
    expect(assignLevel(posteriorTo(C4, C5, 1.5, 10), labels)).toMatchObject({ level: 'C5-6', basis: 'extrapolated' });
  });

  it('falls back to the nearest end level further out', () => {
    expect(assignLevel(posteriorTo(C4, C5, 3, 0), labels)).toMatchObject({ level: 'C5', basis: 'nearest-end' });
  });

  it('never extrapolates above C1', () => {
    const c1c2 = [label('C1', [0, 0, 20]), label('C2', [0, 0, 0])];
    expect(assignLevel([0, 0, 38], c1c2)).toMatchObject({ level: 'C1' });
  });

  it('interpolates between labels with unlabelled levels in between', () => {
    const sparse = [label('T4', [0, 0, 0]), label('T7', [0, 0, -75])];
    expect(assignLevel([0, 30, -25], sparse)).toMatchObject({ level: 'T5', basis: 'interpolated' });
    expect(assignLevel([0, 30, -37.5], sparse)).toMatchObject({ level: 'T5-6', basis: 'interpolated' });
  });

  it('uses only labels of the requested frame of reference', () => {
    const other = [label('T8', [0, 0, 0], 'for-2'), label('T9', [0, 0, -25], 'for-2')];
    // 5 mm below the first label: 0.26 of the C2-C3 spacing, 0.2 of the T8-T9 spacing.
    expect(assignLevel([0, 0, -5], [...labels, ...other], 'for-1')?.level).toBe('C2');
    expect(assignLevel([0, 0, -5], [...labels, ...other], 'for-2')?.level).toBe('T8');
    expect(assignLevel([0, 0, -15], [...labels, ...other], 'for-2')?.level).toBe('T8-9');
    expect(assignLevel(C3, [...labels, ...other])).toBeNull();
    expect(assignLevel(C3, labels, 'for-3')).toBeNull();
    expect(assignLevel(C3, [])).toBeNull();
  });

  it('returns the only label when there is just one', () => {
    expect(assignLevel([0, 30, 5], [label('L3', [0, 0, 0])])).toMatchObject({ level: 'L3', basis: 'single-label' });
  });

  it('does not depend on the order of the labels', () => {
    const point = posteriorTo(C2, C3, 0.5, 35);
    expect(assignLevel(point, [...labels].reverse())?.level).toBe('C2-3');
  });
});
