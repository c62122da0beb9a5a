import { makePart, Priority, type Part } from './parts';
import { TubeShape } from './shapes';
import { bodyLineY, canalCentreY } from './spine';
import { Tissue } from './tissues';

/** Craniocaudal extent of every tube (beyond all fields of view). */
const Z_MIN = -140;
const Z_MAX = 80;

const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};
const mix = (a: number, b: number, t: number): number => a + (b - a) * t;

/** How the lesion pushes the cord: a shift and flattening that fade out over `halfLength` around `centreZ`. */
export interface CordMassEffect {
  readonly centreZ: number;
  readonly halfLength: number;
  /** Peak shift of the cord centre, mm (negative x = to the patient's right, negative y = anterior). */
  readonly shiftX: number;
  readonly shiftY: number;
  /** Peak change of the cord semi-axes, mm (widened LR, flattened AP). */
  readonly widen: number;
  readonly flatten: number;
}

/** 1 at the centre of the mass effect, 0 beyond halfLength, smooth (cos²) in between. */
export function massEffectWeight(m: CordMassEffect, z: number): number {
  const t = (z - m.centreZ) / m.halfLength;
  return Math.abs(t) >= 1 ? 0 : Math.cos((Math.PI / 2) * t) ** 2;
}

function neck(): Part[] {
  const ellipse = (cy: number, a: number, b: number) => new TubeShape(Z_MIN, Z_MAX, () => ({ cx: 0, cy, a, b }));
  return [
    makePart('skin', Tissue.SKIN, Priority.SKIN, ellipse(-2, 56, 50)),
    makePart('subcutaneous fat', Tissue.FAT, Priority.FAT, ellipse(-2, 54.5, 48.5)),
    makePart('neck muscles', Tissue.MUSCLE, Priority.MUSCLE, ellipse(-1, 48, 43)),
  ];
}

/** Pharynx (wide, flat) above C5, trachea (round, more anterior) below C6. */
function airway(): Part {
  return makePart(
    'airway',
    Tissue.AIR,
    Priority.AIRWAY,
    new TubeShape(Z_MIN, 55, (z) => {
      const t = smoothstep(-48, -34, z);
      return { cx: 0, cy: bodyLineY(z) - mix(28, 17.5, t), a: mix(8, 12, t), b: mix(7, 5, t) };
    }),
  );
}

function neckVessels(): Part[] {
  const parts: Part[] = [];
  for (const side of [1, -1]) {
    const s = side === 1 ? 'L' : 'R';
    const tube = (x: number, dy: number, r: number, z1: number) =>
      new TubeShape(Z_MIN, z1, (z) => ({ cx: side * x, cy: bodyLineY(z) + dy, a: r, b: r }));
    parts.push(makePart(`carotid ${s}`, Tissue.VESSEL, Priority.NECK_VESSEL, tube(19, -18, 3.5, Z_MAX)));
    parts.push(makePart(`jugular vein ${s}`, Tissue.VESSEL, Priority.NECK_VESSEL, tube(26, -14, 5, Z_MAX)));
    // Runs through the transverse foramina (C2–C6): it carves the hole in each transverse process.
    parts.push(makePart(`vertebral artery ${s}`, Tissue.VESSEL, Priority.VERTEBRAL_ARTERY, tube(15, 2.5, 2, 28)));
  }
  return parts;
}

/** Canal: wider at C1–C2, narrower in the thoracic spine. */
function canal(): Part {
  return makePart(
    'spinal canal (CSF)',
    Tissue.CSF,
    Priority.CSF,
    new TubeShape(Z_MIN, Z_MAX, (z) => ({
      cx: 0,
      cy: canalCentreY(z),
      a: mix(mix(9.5, 12, smoothstep(-95, -75, z)), 13, smoothstep(10, 25, z)),
      b: mix(7.2, 7.8, smoothstep(-95, -75, z)),
    })),
  );
}

/** Cord: cervical enlargement at C5–C6, displaced and flattened by the lesion's epidural part. */
function cord(mass: CordMassEffect): Part {
  return makePart(
    'spinal cord',
    Tissue.CORD,
    Priority.CORD,
    new TubeShape(Z_MIN, Z_MAX, (z) => {
      const w = massEffectWeight(mass, z);
      const enlargement = Math.exp(-(((z + 45) / 20) ** 2));
      return {
        cx: w * mass.shiftX,
        cy: canalCentreY(z) - 0.5 + w * mass.shiftY,
        a: 6.3 + 0.9 * enlargement + w * mass.widen,
        b: 4.2 + 0.3 * enlargement - w * mass.flatten,
      };
    }),
  );
}

export function buildSoftTissues(mass: CordMassEffect): Part[] {
  return [...neck(), airway(), ...neckVessels(), canal(), cord(mass)];
}
