import { createHash } from 'node:crypto';

/**
 * Seeded PRNG (sfc32) plus an approximately normal deviate.
 * Only integer ops, additions and sqrt are used so the output is bit-identical on every platform.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const h = createHash('sha256').update(seed).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Zero mean, unit variance; a sum of four uniforms (Irwin–Hall), which is close to Gaussian and bounded at ±3.46. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * SQRT3;
  }
}

const SQRT3 = Math.sqrt(3);
