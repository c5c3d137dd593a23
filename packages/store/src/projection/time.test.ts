import { describe, expect, it } from 'vitest';
import { compareTime, instant, ms } from './time.ts';

/** A random instant between years 1 and 9999, as toISOString writes it. */
function randomIso(random: () => number): string {
  const t = Date.UTC(1, 0, 1) + Math.floor(random() * (Date.UTC(9999, 11, 31) - Date.UTC(1, 0, 1)));
  return new Date(t).toISOString();
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('ms', () => {
  it('reads toISOString text as Date.parse does, over random instants of every era', () => {
    const random = seeded(7);
    for (let i = 0; i < 20_000; i++) {
      const iso = randomIso(random);
      expect(ms(iso)).toBe(Date.parse(iso));
      expect(instant(iso)).toEqual({ at: iso, ms: Date.parse(iso) });
    }
  });

  it('reads every other form as Date.parse does', () => {
    for (const iso of [
      '2026-02-29T10:00:00.000Z', // no such day: Date.parse decides
      '2026-02-30T10:00:00.000Z',
      '2024-02-29T10:00:00.000Z',
      '2026-01-31T23:59:59.999Z',
      '0050-06-01T00:00:00.000Z', // a year before 100 (Date.UTC would read it as 1950)
      '2026-03-02T09:00:00.000+01:00',
      '2026-03-02T09:00:00Z',
      '2026-03-02T24:00:00.000Z',
      '2026-13-02T09:00:00.000Z',
      '2026-03-02T09:60:00.000Z',
      '2026-0a-02T09:00:00.000Z',
      '2026-03-02 09:00:00.000Z',
      'not a time at all, 24 ch',
    ]) {
      expect(ms(iso)).toBe(Date.parse(iso));
    }
  });

  it('gives instants that keep canonical text and normalise the rest', () => {
    expect(instant('2026-03-02T10:00:00.000+01:00')).toEqual({ at: '2026-03-02T09:00:00.000Z', ms: Date.parse('2026-03-02T09:00:00.000Z') });
    expect(instant('2026-01-31T23:59:59.999Z')).toEqual({ at: '2026-01-31T23:59:59.999Z', ms: Date.parse('2026-01-31T23:59:59.999Z') });
    expect(Number.isNaN(instant('soon').ms)).toBe(true);
    expect(compareTime('2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000+01:00')).toBe(0);
  });
});

describe('compareTime', () => {
  it('orders instants as their epoch ms do, canonical text or not', () => {
    const random = seeded(11);
    const others = ['2026-03-02T10:00:00.000+01:00', '2026-03-02T09:00:00Z', '2026-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2026-0a-02T09:00:00.000Z'];
    for (let i = 0; i < 5000; i++) {
      const a = i % 10 === 0 ? (others[i % others.length] as string) : randomIso(random);
      // Half the pairs close together, so equal prefixes are common.
      const b = i % 2 === 0 ? new Date(Date.parse(a) + Math.floor((random() - 0.5) * 10_000)).toISOString() : randomIso(random);
      const expected = Math.sign(ms(a) - ms(b));
      expect(Number.isNaN(expected) ? Number.isNaN(compareTime(a, b)) : Math.sign(compareTime(a, b)) === expected, `${a} vs ${b}`).toBe(true);
    }
    expect(compareTime('2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z')).toBe(0);
  });
});
