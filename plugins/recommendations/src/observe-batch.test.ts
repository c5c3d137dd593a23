import { createEmptyProfile } from '@omnikernel/sdk';
import type { CustomerEvent, Observation, PluginStateWriter, Profile, PurchaseRecord } from '@omnikernel/sdk';
import { createMemoryPluginState, fixtureCatalog } from '@omnikernel/sdk/testing';
import { createMemoryStore } from '@omnikernel/store';
import { describe, expect, it } from 'vitest';
import { observeRecommendations, observeRecommendationsBatch } from './observe.ts';
import { recommendationsOptionsSchema } from './options.ts';

const catalog = fixtureCatalog();
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const products = ['p-kettle', 'p-mugs', 'p-beans', 'p-grinder', 'p-espresso', 'p-milk-jug', 'p-filter', 'p-scale'];

/** A seeded random generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Observations of views, purchases (some across a week boundary, some long past), calls and page views, over a few customers. */
function observations(seed: number, count: number): Observation[] {
  const rnd = random(seed);
  const pick = () => products[Math.floor(rnd() * products.length)] as string;
  const out: Observation[] = [];
  const start = Date.parse('2026-03-14T10:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const customerId = `c${Math.floor(rnd() * 4)}`;
    const at = new Date(start + Math.floor(rnd() * 4 * 86_400_000) - (rnd() < 0.05 ? 200 * 86_400_000 : 0)).toISOString();
    const views = Array.from({ length: Math.floor(rnd() * 7) }, () => ({ productId: pick(), at, channel: 'web' }));
    const purchases: PurchaseRecord[] = Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => ({
      orderId: `old-${i}-${k}`, at: new Date(Date.parse(at) - k * 2 * 86_400_000).toISOString(), channel: 'web', online: true, total: 1,
      items: [{ productId: pick(), quantity: 1, price: 1 }],
    }));
    const profile: Profile = { ...createEmptyProfile(customerId, at), country: rnd() < 0.5 ? 'ES' : null, recentlyViewed: views, purchases };
    const roll = rnd();
    const base = { id: `e${i}`, channel: 'web', occurredAt: at, identifiers: { customerId } };
    const event: CustomerEvent =
      roll < 0.4
        ? { ...base, type: 'product_viewed', properties: { productId: pick() } }
        : roll < 0.65
          ? { ...base, type: 'purchase', properties: { orderId: `o${i}`, storeId: rnd() < 0.3 ? 's-madrid' : undefined, items: Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ({ productId: pick(), quantity: 1, price: 1 })) } }
          : roll < 0.8
            ? { ...base, type: 'call', channel: 'contact_center', properties: { productIds: Array.from({ length: Math.floor(rnd() * 4) }, pick) } }
            : { ...base, type: 'page_viewed', properties: {} };
    out.push({ kind: 'event', event, customerId, profile });
  }
  return out;
}

/** Everything a state holds, numbers compared bit for bit (Object.is). */
async function dump(state: PluginStateWriter): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const key of await state.keys('')) {
    if (key.startsWith('pop:')) out[key] = await state.ztop(key, 1000);
    else if (key.startsWith('meta:')) out[key] = await state.get(key);
    else out[key] = Object.entries(await state.hgetall(key)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, v]) => [f, v.toString(2)]);
  }
  return out;
}

describe('observeRecommendationsBatch', () => {
  // Weights that make float sums order-sensitive: 0.3 + 1 + 0.3 differs from 0.3 + 0.3 + 1 in the last bit.
  const options = recommendationsOptionsSchema.parse({ learning: { viewWeight: 0.3, basketWeight: 1, conversationWeight: 0.7, crossBasketWeight: 0.1 }, popularityWeeks: 2 });
  const defaults = recommendationsOptionsSchema.parse({});
  const stores: Array<[string, () => PluginStateWriter]> = [
    ['the SDK test state', () => createMemoryPluginState()],
    ['the memory store', () => createMemoryStore().pluginState('recommendations')],
  ];

  for (const [name, make] of stores) {
    it(`learns on ${name} exactly what observing one by one learns, bit for bit`, async () => {
      for (const opts of [options, defaults]) {
        for (let seed = 1; seed <= 40; seed++) {
          const run = observations(seed, 60);
          const one = make();
          for (const o of run) await observeRecommendations(o, { state: one, catalog, options: opts, logger });
          const batched = make();
          // Batches of uneven sizes, as the gateway's observer hands them over.
          for (let i = 0, size = 1; i < run.length; i += size, size = (size * 3) % 17 + 1) {
            await observeRecommendationsBatch(run.slice(i, i + size), { state: batched, catalog, options: opts, logger });
          }
          expect(await dump(batched), `seed ${seed}`).toEqual(await dump(one));
        }
      }
    });
  }

  it('counts the observations that taught something', async () => {
    const run = observations(7, 50);
    const taught = await observeRecommendationsBatch(run, { state: createMemoryPluginState(), catalog, options: defaults, logger });
    const state = createMemoryPluginState();
    for (const o of run) await observeRecommendations(o, { state, catalog, options: defaults, logger });
    expect(String(taught)).toBe(await state.get('meta:observed'));
  });
});
