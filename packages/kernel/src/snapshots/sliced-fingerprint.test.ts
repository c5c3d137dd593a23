import { describe, expect, it } from 'vitest';
import { fingerprint } from '../fingerprint.ts';
import { fingerprintInSlices } from './sliced-fingerprint.ts';

describe('fingerprintInSlices', () => {
  it('gives what fingerprint gives, for every kind of value and nesting', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const holes = [1, , 3];
    const values: unknown[] = [
      null,
      42,
      'text',
      [],
      {},
      holes,
      { b: 1, a: [1, { d: undefined, c: 'x' }], e: new Map<unknown, unknown>([['z', 1], [3, new Set(['b', 'a'])], ['a', { y: [new Map([['k', [1, 2]]])] }]]) },
      { deep: { er: { still: { deeper: { than: { depth: [1, 2, { three: '€ ☕ 𝄞' }] } } } } } },
      new Map([['only', new Map([['nested', [[1, 2], [3, 4]]]])]]),
      [new Set([3, 1, 2]), undefined, () => 1, 'lone \ud800 surrogate'],
    ];
    for (const value of values) expect(await fingerprintInSlices(value)).toBe(fingerprint(value));
  });

  it('hashes a large value in slices, the event loop running between them, to the same fingerprint', async () => {
    const big = { pairs: new Map(Array.from({ length: 20_000 }, (_, i) => [`p${i}`, Array.from({ length: 20 }, (_, j) => [`p${(i * 7 + j) % 20_000}`, (i * j) / 7])])) };
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      const sliced = await fingerprintInSlices(big, 1);
      expect(turns).toBeGreaterThan(0);
      expect(sliced).toBe(fingerprint(big));
    } finally {
      clearInterval(ticking);
    }
  });
});
