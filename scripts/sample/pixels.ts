import { Rng } from './rng';

/** Stored pixel values are unsigned 12-bit (BitsStored 12) in 16-bit words. */
export const MAX_STORED = 4095;
export const CT_RESCALE_INTERCEPT = -1024;

const clampStored = (v: number): number => (v < 0 ? 0 : v > MAX_STORED ? MAX_STORED : v);

/** CT: add Gaussian-like noise in HU, store HU - intercept. */
export function ctStoredPixels(signalHu: Float32Array, sigma: number, rng: Rng): Uint16Array {
  const out = new Uint16Array(signalHu.length);
  for (let i = 0; i < signalHu.length; i++) {
    out[i] = clampStored(Math.round(signalHu[i]! + sigma * rng.normal() - CT_RESCALE_INTERCEPT));
  }
  return out;
}

/** MR magnitude image: noise on real and imaginary channels, so the background follows a Rayleigh distribution. */
export function mrStoredPixels(signal: Float32Array, sigma: number, rng: Rng): Uint16Array {
  const out = new Uint16Array(signal.length);
  for (let i = 0; i < signal.length; i++) {
    const re = signal[i]! + sigma * rng.normal();
    const im = sigma * rng.normal();
    out[i] = clampStored(Math.round(Math.sqrt(re * re + im * im)));
  }
  return out;
}
