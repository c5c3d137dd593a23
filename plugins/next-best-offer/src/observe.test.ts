import type { Outcome } from '@omnikernel/sdk';
import { createMemoryPluginState, fixtureCatalog, fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { observeNextBestOffer, observeNextBestOfferBatch } from './observe.ts';
import { nextBestOfferOptionsSchema } from './options.ts';
import { buildSnapshot } from './snapshot.ts';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const outcome = (id: string, type: Outcome['type'], offerId?: string, segment?: string): Outcome => ({
  id, type, decisionId: 'd', channel: 'contact_center', occurredAt: '2026-03-18T10:00:00Z', ...(offerId ? { offerId } : {}), ...(segment ? { segment } : {}),
});

describe('observe and snapshot', () => {
  it('counts outcomes per offer, and per segment when asked', async () => {
    const state = createMemoryPluginState();
    const ctx = { state, catalog: fixtureCatalog(), options: nextBestOfferOptionsSchema.parse({ perSegment: true }), logger };
    const caller = fixtureProfiles['caller-abandoned-cart'];
    for (const [i, type] of (['shown', 'accepted', 'shown', 'rejected'] as const).entries()) {
      await observeNextBestOffer({ kind: 'outcome', outcome: outcome(`o${i}`, type, 'o-cart-rescue'), customerId: 'c-caller', profile: caller }, ctx);
    }
    await observeNextBestOffer({ kind: 'outcome', outcome: outcome('o9', 'shown', 'o-cart-rescue', 'vip'), customerId: 'c-x' }, ctx);
    await observeNextBestOffer({ kind: 'outcome', outcome: outcome('p', 'clicked'), customerId: 'c-x' }, ctx); // an item, not an offer
    await observeNextBestOffer({ kind: 'event', event: { id: 'e', type: 'page_viewed', channel: 'web', occurredAt: '2026-03-18T10:00:00Z', identifiers: { customerId: 'c' }, properties: {} }, customerId: 'c', profile: caller }, ctx);

    expect(await buildSnapshot({ state })).toEqual({
      generation: 5,
      offers: {
        'o-cart-rescue': {
          all: { accepted: 1, rejected: 1, shown: 3 },
          segments: { 'coffee-lovers': { accepted: 1, rejected: 1, shown: 2 }, vip: { shown: 1 } },
        },
      },
    });
  });

  it('learns from a batch what observing it one by one teaches, and counts what taught something', async () => {
    const options = nextBestOfferOptionsSchema.parse({ perSegment: true });
    const caller = fixtureProfiles['caller-abandoned-cart'];
    const view = (i: number) => ({ kind: 'event' as const, event: { id: `e${i}`, type: 'page_viewed' as const, channel: 'web' as const, occurredAt: '2026-03-18T10:00:00Z', identifiers: { customerId: 'c' }, properties: {} }, customerId: 'c', profile: caller });
    const run = [view(0), { kind: 'outcome' as const, outcome: outcome('o1', 'shown', 'o-cart-rescue'), customerId: 'c', profile: caller }, view(1), { kind: 'outcome' as const, outcome: outcome('o2', 'clicked'), customerId: 'c' }, { kind: 'outcome' as const, outcome: outcome('o3', 'accepted', 'o-cart-rescue', 'vip'), customerId: 'c' }];
    const one = createMemoryPluginState();
    for (const observation of run) await observeNextBestOffer(observation, { state: one, catalog: fixtureCatalog(), options, logger });
    const batch = createMemoryPluginState();
    expect(await observeNextBestOfferBatch(run, { state: batch, catalog: fixtureCatalog(), options, logger })).toBe(2);
    expect(await buildSnapshot({ state: batch })).toEqual(await buildSnapshot({ state: one }));
    expect((await buildSnapshot({ state: batch })).generation).toBe(2);
  });
});
