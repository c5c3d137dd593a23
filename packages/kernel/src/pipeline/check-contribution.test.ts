import { describe, expect, it } from 'vitest';
import { contributionSchema, createSeededRandom, type Random } from '@omnikernel/sdk';
import { checkContribution, surelyValidContribution } from './check-contribution.ts';

/** A value with its key order and `undefined` keys visible, so "equal" means what zod returns, exactly. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return ['array', Array.from(value, shape)];
  if (typeof value === 'object' && value !== null) return ['object', Object.getPrototypeOf(value) === Object.prototype, Object.keys(value).map((k) => [k, shape((value as Record<string, unknown>)[k])])];
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return [typeof value, value];
}

const pick = <T>(r: Random, values: readonly T[]): T => values[Math.floor(r.next() * values.length)] as T;

function shuffled(r: Random, entries: [string, unknown][]): Record<string, unknown> {
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries);
}

/** Mostly valid values, sometimes one of the ways a value can be wrong or unusual. */
function maybe(r: Random, valid: () => unknown, odd: readonly unknown[]): unknown {
  return r.next() < 0.93 ? valid() : pick(r, odd);
}

const oddStrings = ['', 'x'.repeat(501), 'x'.repeat(2001), 7, null, undefined, ['a'], { a: 1 }];
const oddNumbers = [NaN, Infinity, -Infinity, -0, -0.1, 1.1, 0, 1, '0.5', null, undefined];
const instants = ['2026-11-23T12:00:00.000Z', '2026-11-23T12:00:00Z', '2026-11-23T12:00:00.000+01:00', '2026-11-23T12:00:00', '2026-02-30T12:00:00.000Z', '2024-02-29T23:59:59.999Z', 'soon', '0999-01-01T00:00:00.000Z', 12];

function reasons(r: Random): unknown {
  if (r.next() < 0.03) return Array.from({ length: 21 }, () => 'r');
  if (r.next() < 0.03) return [, 'hole'];
  return Array.from({ length: Math.floor(r.next() * 4) }, () => maybe(r, () => `reason ${Math.floor(r.next() * 100)} €`, oddStrings));
}

function optional(r: Random, entries: [string, unknown][], key: string, value: () => unknown): void {
  const roll = r.next();
  if (roll < 0.4) entries.push([key, value()]);
  else if (roll < 0.47) entries.push([key, undefined]);
}

function offer(r: Random): unknown {
  const e: [string, unknown][] = [
    ['offerId', maybe(r, () => `offer-${Math.floor(r.next() * 9)}`, oddStrings)],
    ['score', maybe(r, () => r.next(), oddNumbers)],
    ['reasons', reasons(r)],
  ];
  optional(r, e, 'value', () => maybe(r, () => r.next() * 50, oddNumbers));
  optional(r, e, 'script', () => maybe(r, () => 'Say hello', oddStrings));
  optional(r, e, 'validUntil', () => pick(r, instants));
  if (r.next() < 0.03) e.push(['extra', 1]);
  if (r.next() < 0.03) e.splice(Math.floor(r.next() * e.length), 1);
  return shuffled(r, e);
}

function item(r: Random): unknown {
  const e: [string, unknown][] = [
    ['productId', maybe(r, () => `p-${Math.floor(r.next() * 300)}`, oddStrings)],
    ['score', maybe(r, () => r.next(), oddNumbers)],
    ['reasons', reasons(r)],
  ];
  optional(r, e, 'repeat', () => maybe(r, () => r.next() < 0.5, [0, 'true', null]));
  if (r.next() < 0.03) e.push(['price', 10]);
  return shuffled(r, e);
}

function block(r: Random): unknown {
  const e: [string, unknown][] = [
    ['id', maybe(r, () => pick(r, ['hero', 'grid', 'text']), oddStrings)],
    ['kind', maybe(r, () => pick(r, ['hero', 'grid', 'text']), oddStrings)],
  ];
  optional(r, e, 'html', () => maybe(r, () => '<p>18,50 €</p>', oddStrings));
  optional(r, e, 'text', () => maybe(r, () => 'plain', oddStrings));
  optional(r, e, 'data', () =>
    maybe(r, () => ({ title: 'T', value: 6, nested: { a: [1, 2] }, missing: undefined, 3: 'three' }), [[], new Map(), Object.create(null), JSON.parse('{"__proto__":{"x":1}}'), { [Symbol('s')]: 1 }, null, 'x']),
  );
  return shuffled(r, e);
}

function contribution(r: Random): unknown {
  const e: [string, unknown][] = [];
  const list = (make: (r: Random) => unknown, max: number) => (r.next() < 0.02 ? Array.from({ length: max + 1 }, () => make(r)) : Array.from({ length: Math.floor(r.next() * 6) }, () => make(r)));
  optional(r, e, 'offers', () => maybe(r, () => list(offer, 200), [{}, 'x', null]));
  optional(r, e, 'items', () => maybe(r, () => list(item, 500), [{}, 'x', null]));
  optional(r, e, 'content', () => maybe(r, () => list(block, 50), [{}, 'x', null]));
  optional(r, e, 'validUntil', () => pick(r, instants));
  optional(r, e, 'reasons', () => reasons(r));
  optional(r, e, 'insights', () => maybe(r, () => ({ leadScore: 38, band: 'cold', 1: 2 }), [{ a: true }, { a: NaN }, { a: null }, [], new Date(0)]));
  if (r.next() < 0.02) e.push(['offer', []]);
  return pick(r, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]) === 0 ? pick(r, [null, [], 'x', new (class Contribution {})(), Object.create(null)]) : shuffled(r, e);
}

function attempt(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    return { threw: String((error as Error).message) };
  }
}

describe('checkContribution', () => {
  it('accepts and returns exactly what zod does, on 10,000 random contributions', () => {
    const r = createSeededRandom('check-contribution');
    let fast = 0;
    let valid = 0;
    for (let n = 0; n < 10_000; n++) {
      const value = contribution(r);
      const zod = contributionSchema.safeParse(value);
      // What the kernel did before: zod, and its first issue worded (a symbol in the path throws, as it did).
      const before = attempt(() => {
        if (zod.success) return { ok: true, contribution: shape(zod.data) };
        const issue = zod.error.issues[0];
        return { ok: false, message: `invalid contribution at '${issue?.path.join('.') || '(root)'}': ${issue?.message}` };
      });
      const now = attempt(() => {
        const checked = checkContribution(value);
        return checked.ok ? { ok: true, contribution: shape(checked.contribution) } : checked;
      });
      expect(now).toEqual(before);
      if (zod.success) valid += 1;
      const sure = surelyValidContribution(value);
      if (sure !== null) {
        fast += 1;
        expect(zod.success).toBe(true);
        expect(shape(sure)).toEqual(shape(zod.data));
      }
    }
    // The generator must exercise both sides, and the fast path must carry most valid values.
    expect(valid).toBeGreaterThan(1_000);
    expect(10_000 - valid).toBeGreaterThan(1_000);
    expect(fast).toBeGreaterThan(valid * 0.8);
  });

  it('returns new objects, never the plugin\'s own', () => {
    const value = { items: [{ productId: 'p', score: 1, reasons: ['r'] }], content: [{ id: 'a', kind: 'b', data: { x: { deep: 1 } } }] };
    const checked = checkContribution(value);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.contribution).not.toBe(value);
    expect(checked.contribution.items?.[0]).not.toBe(value.items[0]);
    expect(checked.contribution.content?.[0]?.data).not.toBe(value.content[0]?.data);
    expect(checked.contribution.content?.[0]?.data?.x).toBe(value.content[0]?.data.x);
  });
});
