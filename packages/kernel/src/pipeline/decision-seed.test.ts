import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '@omnikernel/sdk';
import { fingerprint, stableStringify } from '../fingerprint.ts';
import { decisionSeed, seedText, type SeedInputs } from './decision-seed.ts';

describe('the decision seed', () => {
  it('is the fingerprint of the seed inputs, text for text', () => {
    const r = createSeededRandom('decision-seed');
    const pick = <T>(values: readonly T[]) => values[Math.floor(r.next() * values.length)] as T;
    for (let n = 0; n < 2_000; n++) {
      const context: Record<string, unknown> = {};
      for (const key of ['storeId', 'timezone', 'locale', 'location', 'é', 'zeta']) {
        if (r.next() < 0.4) context[key] = pick(['s-1', 'Europe/Madrid', { lat: 40.4, lon: -3.7, accuracyM: 10 }, undefined, 0, 'x"y\n€', [1, 'a']]);
      }
      const snapshots: Record<string, string> = {};
      for (const name of ['recommendations', 'next-best-offer', 'b', 'A', '€']) if (r.next() < 0.5) snapshots[name] = pick(['v1', 'abc', '', 'q"€']);
      const inputs: SeedInputs = {
        customerId: pick(['c_1', 'c-é', 'anonymous', '"q"']),
        profileVersion: pick([0, 1, 17, 2 ** 40]),
        catalogVersion: pick([1, 3, 1e21]),
        plugins: Array.from({ length: Math.floor(r.next() * 5) }, () => pick(['recommendations@1.0.0#abc', 'x@2.0.0#"', 'é@1.0.0#€'])),
        snapshots,
        at: new Date(Math.floor(r.next() * 2e12)).toISOString(),
        context: context as SeedInputs['context'],
        contacts: pick([0, 3, 120]),
      };
      expect(seedText(inputs)).toBe(stableStringify(inputs));
      expect(decisionSeed(inputs)).toBe(fingerprint(inputs));
    }
  });
});
