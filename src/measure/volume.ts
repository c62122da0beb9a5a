/** Volume of an ellipsoid with the given full diameters (mm), in mL: π/6·a·b·c mm³ / 1000. */
export function ellipsoidVolumeMl(aMm: number, bMm: number, cMm: number): number {
  return (Math.PI / 6) * aMm * bMm * cMm / 1000;
}

export const mm3ToMl = (mm3: number): number => mm3 / 1000;
export const mlToMm3 = (ml: number): number => ml * 1000;
