import { add, scale, sub, type Vec3 } from '../../src/geometry/vec3';
import { Ellipsoid } from './ellipsoid';
import type { CordMassEffect } from './softTissues';
import { mulMat, rotationX, rotationZ, transpose } from './transform';

/**
 * The lesion: a union of overlapping ellipsoidal lobes arising from the C2–C3 laminae and spinous processes,
 * with an epidural lobe that narrows the canal and a paraspinal lobe in the left paraspinal muscles.
 * Coordinates are anatomy (= baseline patient) coordinates.
 */
export interface Lesion {
  readonly lobes: readonly { readonly name: string; readonly ellipsoid: Ellipsoid }[];
  readonly cordMassEffect: CordMassEffect;
}

/** Lobe with principal axes rotated by yaw (about patient z) after pitch (about patient x). */
function lobe(name: string, centre: Vec3, semi: Vec3, yawDeg = 0, pitchDeg = 0) {
  const localToPatient = mulMat(rotationZ(yawDeg), rotationX(pitchDeg));
  return { name, ellipsoid: new Ellipsoid(centre, transpose(localToPatient), semi) };
}

export const BASELINE_LESION: Lesion = {
  lobes: [
    lobe('posterior-element lobe', [2.5, 22, 9], [11, 8.5, 13.5], 0, -10),
    lobe('epidural lobe', [1.5, 15.5, 8], [8, 4.5, 8.5]),
    lobe('paraspinal lobe', [13, 26, 11], [9.5, 9, 10], 25),
  ],
  cordMassEffect: { centreZ: 8, halfLength: 14, shiftX: -2.5, shiftY: -2.5, widen: 1, flatten: 1 },
};

/** Where the lesion is rooted (C2–C3 laminar junction): it shrinks towards this point. */
export const LESION_ANCHOR: Vec3 = [2.5, 21, 9];

/** The lesion after treatment: every lobe scaled about the anchor so that the volume is `volumeFactor` × baseline. */
export function shrinkLesion(lesion: Lesion, volumeFactor: number, massEffectFactor: number): Lesion {
  const s = Math.cbrt(volumeFactor);
  const m = lesion.cordMassEffect;
  return {
    lobes: lesion.lobes.map(({ name, ellipsoid: e }) => ({
      name,
      ellipsoid: new Ellipsoid(add(LESION_ANCHOR, scale(sub(e.centre, LESION_ANCHOR), s)), e.axes, scale(e.semi, s)),
    })),
    cordMassEffect: {
      ...m,
      shiftX: m.shiftX * massEffectFactor,
      shiftY: m.shiftY * massEffectFactor,
      widen: m.widen * massEffectFactor,
      flatten: m.flatten * massEffectFactor,
    },
  };
}

export const FOLLOWUP_VOLUME_FACTOR = 0.3;
export const FOLLOWUP_LESION: Lesion = shrinkLesion(BASELINE_LESION, FOLLOWUP_VOLUME_FACTOR, 0.35);
