import type { Random } from '../types/context.ts';

/** FNV-1a 32-bit: turns a seed string into PRNG state. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A deterministic random source (mulberry32) with a Beta sampler.
 * The kernel seeds it from a decision's inputs so a decision can be replayed.
 *
 * @example
 * const random = createSeededRandom('customer-42|v17');
 * random.next(); // the same number for the same seed, every time
 */
export function createSeededRandom(seed: string): Random {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = Math.max(next(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  // Marsaglia–Tsang; shape < 1 uses the boost Gamma(a) = Gamma(a+1) · U^(1/a).
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(Math.max(next(), Number.EPSILON), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(Math.max(u, Number.EPSILON)) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return {
    next,
    beta(alpha: number, beta: number): number {
      const x = gamma(alpha);
      const y = gamma(beta);
      return x / (x + y);
    },
  };
}
