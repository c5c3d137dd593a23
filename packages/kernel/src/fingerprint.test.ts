import { describe, expect, it } from 'vitest';
import { createSeededRandom, type Random } from '@omnikernel/sdk';
import { fingerprint, stableStringify } from './fingerprint.ts';

/** The original implementation: stored seeds and fingerprints were made with it. */
function original(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(original).join(',')}]`;
  if (value instanceof Map) return `Map${original([...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)))}`;
  if (value instanceof Set) return `Set${original([...value].map(original).sort())}`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${original(v)}`).join(',')}}`;
}

function randomValue(r: Random, depth: number): unknown {
  const roll = r.next();
  const key = () => ['a', 'B', 'é', '€', '10', '2', 'z"q', '', 'aa', '\u{1F600}'][Math.floor(r.next() * 10)] as string;
  if (depth > 3 || roll < 0.3) return [null, undefined, 0, -0, 1.5, NaN, 'text €', true, 'x\ny'][Math.floor(r.next() * 9)];
  if (roll < 0.5) {
    const list: unknown[] = Array.from({ length: Math.floor(r.next() * 4) }, () => randomValue(r, depth + 1));
    if (r.next() < 0.1) list[list.length + 1] = 'after a hole';
    return list;
  }
  if (roll < 0.55) return new Map(Array.from({ length: 3 }, () => [key(), randomValue(r, depth + 1)]));
  if (roll < 0.6) return new Set(Array.from({ length: 3 }, () => randomValue(r, depth + 1)));
  if (roll < 0.62) return new Date(0);
  return Object.fromEntries(Array.from({ length: Math.floor(r.next() * 5) }, () => [key(), randomValue(r, depth + 1)]));
}

describe('stableStringify', () => {
  it('writes exactly what the original implementation wrote', () => {
    const r = createSeededRandom('stable-stringify');
    for (let n = 0; n < 3_000; n++) {
      const value = randomValue(r, 0);
      expect(stableStringify(value)).toBe(original(value));
    }
  });

  it('keeps fingerprints of decision inputs as they were', () => {
    const inputs = { customerId: 'c-1', profileVersion: 5, catalogVersion: 3, plugins: ['recommendations@1.0.0#abc'], snapshots: {}, at: '2026-11-23T12:00:00.000Z', context: { timezone: 'Europe/Madrid' }, contacts: 0 };
    expect(fingerprint(inputs)).toBe('DNY9XsNTanoCKbXTUswmLr') // as the original createHash(stableStringify) gave;
  });
});
