import { describe, expect, it } from 'vitest';
import { deriveSegments } from './segments.ts';

/** The segments as a sorted set of everything that applies: what the quick path must give. */
function reference(p: { traits: Record<string, unknown>; lifetimeValue: number; orderCount: number; abandonedCart: unknown }): string[] {
  const out = new Set<string>();
  if (typeof p.traits.segment === 'string' && p.traits.segment !== '') out.add(p.traits.segment);
  if (Array.isArray(p.traits.segments)) for (const s of p.traits.segments) if (typeof s === 'string' && s !== '') out.add(s);
  if (p.lifetimeValue >= 1000) out.add('vip');
  if (p.orderCount === 0) out.add('new');
  if (p.orderCount >= 2) out.add('repeat');
  if (p.abandonedCart !== null) out.add('cart_abandoner');
  return [...out].sort();
}

describe('deriveSegments', () => {
  it('gives the sorted set of derived and named segments, with or without traits naming any', () => {
    const cart = { items: [], total: 0, updatedAt: '2026-01-01T00:00:00.000Z', abandonedAt: '2026-01-01T00:00:00.000Z' };
    for (const traits of [{}, { segment: 'zeta' }, { segments: ['b2b', 'alpha', 7] }, { segment: '' }, { name: 'Ana' }])
      for (const lifetimeValue of [0, 999.99, 1000, 5000])
        for (const orderCount of [0, 1, 2, 3])
          for (const abandonedCart of [null, cart]) {
            const profile = { traits, lifetimeValue, orderCount, abandonedCart } as Parameters<typeof deriveSegments>[0];
            expect(deriveSegments(profile)).toEqual(reference({ traits, lifetimeValue, orderCount, abandonedCart }));
          }
  });
});
