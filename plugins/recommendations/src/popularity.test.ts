import { describe, expect, it } from 'vitest';
import { sideOfWeek, weekOf } from './popularity.ts';

const WEEK_MS = 7 * 86_400_000;

describe('sideOfWeek', () => {
  it('agrees with weekOf on toISOString text, other offsets and the instants at a week boundary', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const instants: string[] = [];
    for (let i = 0; i < 2000; i++) instants.push(new Date(Math.floor(random() * 4_000_000_000_000)).toISOString());
    const week = weekOf('2026-12-03T10:00:00.000Z');
    for (const t of [week * WEEK_MS, (week + 1) * WEEK_MS]) for (const d of [-1, 0, 1]) instants.push(new Date(t + d).toISOString());
    instants.push('2026-12-03T11:00:00+01:00', '2026-11-26T00:30:00+01:00', '2026-12-03', 'not a date');
    for (const w of [week, weekOf(instants[0] as string), weekOf(instants[1] as string)]) {
      const side = sideOfWeek(w);
      for (const iso of instants) {
        const expected = weekOf(iso) - w;
        expect(side(iso), `${iso} against week ${w}`).toBe(Number.isNaN(expected) ? NaN : Math.sign(expected));
      }
    }
  });
});
