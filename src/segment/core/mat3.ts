/** Row-major 3×3 matrix as 9 numbers. */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

export function det3(m: Mat3): number {
  const [a, b, c, d, e, f, g, h, i] = m;
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

export function invert3(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const det = det3(m);
  if (det === 0 || !Number.isFinite(det)) throw new Error('Singular 3×3 matrix');
  const r = 1 / det;
  return [
    (e * i - f * h) * r,
    (c * h - b * i) * r,
    (b * f - c * e) * r,
    (f * g - d * i) * r,
    (a * i - c * g) * r,
    (c * d - a * f) * r,
    (d * h - e * g) * r,
    (b * g - a * h) * r,
    (a * e - b * d) * r,
  ];
}
