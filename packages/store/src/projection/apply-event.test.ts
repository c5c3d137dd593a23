import { createEmptyProfile, deepFreeze } from '@omnikernel/sdk';
import type { CatalogView, CustomerEvent, EventType, Profile } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { createCatalogView } from '../catalog/catalog-view.ts';
import { applyEvent } from './apply-event.ts';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const min = (m: number) => iso(m * 60_000);

const catalog: CatalogView = createCatalogView(
  {
    products: new Map([
      ['shoe', { id: 'shoe', name: 'Shoe', category: 'shoes', price: 50, currency: 'EUR' }],
      ['boot', { id: 'boot', name: 'Boot', category: 'shoes', price: 90, currency: 'EUR' }],
      ['hat', { id: 'hat', name: 'Hat', category: 'hats', price: 20, currency: 'EUR' }],
    ]),
    stores: new Map([['mad', { id: 'mad', name: 'Madrid', lat: 40.4168, lon: -3.7038, timezone: 'Europe/Madrid' }]]),
    offers: new Map(),
  },
  1,
);

let n = 0;
function ev(type: EventType, at: string, properties: Record<string, unknown> = {}, channel = 'web'): CustomerEvent {
  return { id: `e${++n}`, type, channel, occurredAt: at, identifiers: { deviceId: 'd-1' }, properties };
}

/** Applies events in order from an empty profile; returns the profile and each event's materiality. */
function run(events: CustomerEvent[], start: Profile = createEmptyProfile('c1', events[0]?.occurredAt ?? iso(0))) {
  let profile = start;
  const material: boolean[] = [];
  for (const e of events) {
    const r = applyEvent(profile, e, { catalog });
    profile = r.profile;
    material.push(r.material);
  }
  return { profile, material };
}

describe('applyEvent', () => {
  it('is pure: the input profile is not touched (it may be frozen)', () => {
    const before = deepFreeze(createEmptyProfile('c1', min(0)));
    const { profile } = applyEvent(before, ev('purchase', min(0), { items: [{ productId: 'shoe', quantity: 1, price: 50 }] }), { catalog });
    expect(before.eventCount).toBe(0);
    expect(profile.eventCount).toBe(1);
  });

  it('counts events, channels and types, and keeps first and last seen by occurredAt', () => {
    const { profile } = run([ev('page_viewed', min(10)), ev('page_viewed', min(0), {}, 'app'), ev('custom:quiz_done', min(5))]);
    expect(profile).toMatchObject({ eventCount: 3, version: 3, firstSeen: min(0), lastSeen: min(10) });
    expect(profile.channelCounts).toEqual({ web: 2, app: 1 });
    expect(profile.typeCounts).toEqual({ page_viewed: 2, 'custom:quiz_done': 1 });
    expect(profile.recentEvents.map((e) => e.at)).toEqual([min(10), min(5), min(0)]);
  });

  it('adds identifiers once each', () => {
    const e1 = { ...ev('page_viewed', min(0)), identifiers: { deviceId: 'd-1', email: 'a@b.io' } };
    const e2 = { ...ev('page_viewed', min(1)), identifiers: { deviceId: 'd-2', email: 'a@b.io' } };
    const { profile } = run([e1, e2]);
    expect(profile.identifiers).toEqual({ customerId: ['c1'], deviceId: ['d-1', 'd-2'], email: ['a@b.io'] });
  });

  it('opens a web or app visit at most once per 30 minutes per channel; store visits, calls and chats always', () => {
    const { profile } = run([
      ev('page_viewed', min(0)),
      ev('page_viewed', min(10)),
      ev('product_viewed', min(29), { productId: 'shoe' }),
      ev('page_viewed', min(45)),
      ev('page_viewed', min(5), {}, 'app'),
      ev('page_viewed', min(-20)), // late, within 30 minutes of the visit at 0
      ev('store_visit', min(50), { storeId: 'mad' }, 'store'),
      ev('call', min(60), {}, 'contact_center'),
    ]);
    expect(profile.visits.map((v) => [v.channel, v.at])).toEqual([
      ['contact_center', min(60)],
      ['store', min(50)],
      ['web', min(45)],
      ['app', min(5)],
      ['web', min(0)],
    ]);
  });

  it('keeps recently viewed products newest first, once each, at most 20', () => {
    const views = Array.from({ length: 25 }, (_, i) => ev('product_viewed', min(i), { productId: `p${i}` }));
    const { profile } = run([...views, ev('product_viewed', min(30), { productId: 'p10' }), ev('product_viewed', min(1), { productId: 'p24' })]);
    expect(profile.recentlyViewed).toHaveLength(20);
    expect(profile.recentlyViewed[0]).toEqual({ productId: 'p10', at: min(30), channel: 'web' });
    expect(profile.recentlyViewed[1]?.productId).toBe('p24');
    expect(profile.recentlyViewed[1]?.at).toBe(min(24));
    expect(profile.recentlyViewed.filter((v) => v.productId === 'p10')).toHaveLength(1);
  });

  it('records purchases online and offline; lifetime value and order count cover all', () => {
    const purchases = Array.from({ length: 55 }, (_, i) => ev('purchase', min(i), { items: [{ productId: 'hat', quantity: 2, price: 10.1 }] }));
    const { profile } = run([
      ...purchases,
      ev('purchase', min(100), { storeId: 'mad', total: 99.99, currency: 'EUR', orderId: 'pos-1', items: [{ productId: 'boot', quantity: 1, price: 90 }] }, 'web'),
      ev('purchase', min(101), { items: [{ productId: 'shoe', quantity: 1, price: 50 }] }, 'store'),
    ]);
    expect(profile.orderCount).toBe(57);
    expect(profile.lifetimeValue).toBe(55 * 20.2 + 99.99 + 50); // 1260.99
    expect(profile.purchases).toHaveLength(50);
    expect(profile.purchases[0]).toMatchObject({ online: false, total: 50, channel: 'store' });
    expect(profile.purchases[1]).toMatchObject({ orderId: 'pos-1', online: false, storeId: 'mad', total: 99.99, currency: 'EUR' });
    expect(profile.purchases[2]).toMatchObject({ online: true, total: 20.2 });
    expect(profile.lastStoreId).toBe('mad');
    expect(profile.segments).toEqual(['repeat', 'vip']);
  });

  it('keeps the latest cart; a purchase clears it and the abandoned cart, and older cart events stay cleared', () => {
    const items = [{ productId: 'shoe', quantity: 1, price: 50 }];
    const { profile, material } = run([
      ev('cart_updated', min(0), { items }),
      ev('cart_abandoned', min(30)),
      ev('cart_updated', min(-5), { items: [] }), // older than the cart: ignored
    ]);
    expect(profile.cart).toEqual({ items, updatedAt: min(0), channel: 'web' });
    expect(profile.abandonedCart).toEqual({ items, updatedAt: min(0), channel: 'web', abandonedAt: min(30) });
    expect(material).toEqual([true, true, false]);
    const after = run([ev('purchase', min(40), { items }), ev('cart_updated', min(35), { items }), ev('cart_abandoned', min(36))], profile);
    expect(after.profile.cart).toBeNull();
    expect(after.profile.abandonedCart).toBeNull();
    expect(after.material).toEqual([true, false, false]);
  });

  it('weighs categories 1 per view, 3 per cart, 5 per purchase, 2 per conversation, halving every 30 days', () => {
    const { profile } = run([
      ev('product_viewed', iso(0), { productId: 'shoe' }),
      ev('cart_updated', iso(30 * DAY), { items: [{ productId: 'boot', quantity: 1, price: 90 }, { productId: 'shoe', quantity: 1, price: 50 }] }),
      ev('call', iso(30 * DAY), { productIds: ['hat'] }, 'contact_center'),
    ]);
    // shoes: 1 · ½ + 3 (once per category per event) = 3.5 as of day 30; hats: 2.
    expect(profile.categoryAffinity).toEqual({ shoes: { score: 3.5, at: iso(30 * DAY) }, hats: { score: 2, at: iso(30 * DAY) } });
    // Out of order, same result: the late view counts as seen 30 days before.
    const reversed = run([
      ev('cart_updated', iso(30 * DAY), { items: [{ productId: 'shoe', quantity: 1, price: 50 }] }),
      ev('product_viewed', iso(0), { productId: 'shoe' }),
    ]);
    expect(reversed.profile.categoryAffinity.shoes).toEqual({ score: 3.5, at: iso(30 * DAY) });
    expect(run([ev('purchase', iso(0), { items: [{ productId: 'hat', quantity: 3, price: 20 }] })]).profile.categoryAffinity.hats?.score).toBe(5);
  });

  it('makes location and store changes material only when they matter', () => {
    const { profile, material } = run([
      ev('location', min(0), { lat: 40.4168, lon: -3.7038 }, 'app'), // first known place
      ev('location', min(1), { lat: 40.4195, lon: -3.7038 }, 'app'), // ~300 m
      ev('location', min(2), { lat: 40.4400, lon: -3.7038 }, 'app'), // ~2.6 km from the last
      ev('location', min(-10), { lat: 0, lon: 0 }, 'app'), // older: ignored
      ev('store_visit', min(3), { storeId: 'mad' }, 'store'), // back at the store, new last store
      ev('location', min(4), { lat: 40.4168, lon: -3.7038, storeId: 'mad' }, 'app'), // same store, same place
    ]);
    expect(material).toEqual([true, false, true, false, true, false]);
    expect(profile.location).toEqual({ lat: 40.4168, lon: -3.7038, at: min(4), storeId: 'mad' });
    expect(profile.lastStoreId).toBe('mad');
  });

  it('keeps the newest consent per purpose whatever the arrival order', () => {
    const { profile, material } = run([
      ev('consent_updated', min(10), { consent: { marketing: false, email: true } }),
      ev('consent_updated', min(5), { purpose: 'marketing', granted: true }),
      ev('consent_updated', min(5), { purpose: 'sms', granted: true }),
    ]);
    expect(profile.consent).toEqual({ marketing: false, email: true, sms: true });
    expect(material).toEqual([true, true, true]);
  });

  it('merges traits (newest wins), derives segments, and is material when consent or segments change', () => {
    const { profile, material } = run([
      ev('identify', min(10), { traits: { firstName: 'Ana', segment: 'students' } }),
      ev('identify', min(5), { traits: { firstName: 'Anna', lastName: 'López' } }), // older: fills gaps only
      ev('identify', min(11), { traits: { firstName: 'Ana' } }), // changes nothing that matters
      ev('identify', min(12), { consent: { marketing: true } }),
      ev('identify', min(13), { traits: { segments: ['students', 'b2b'] } }),
    ]);
    expect(profile.traits).toEqual({ firstName: 'Ana', segment: 'students', lastName: 'López', segments: ['students', 'b2b'] });
    expect(profile.segments).toEqual(['b2b', 'new', 'students']);
    expect(profile.consent).toEqual({ marketing: true });
    expect(material).toEqual([true, false, false, true, true]);
  });

  it('keeps timezone and country from the newest event that sends them', () => {
    const { profile, material } = run([
      ev('page_viewed', min(10), { timezone: 'Europe/Madrid', country: 'es' }),
      ev('page_viewed', min(5), { timezone: 'Europe/London', country: 'GB' }),
      ev('page_viewed', min(11), { timezone: 'Europe/Madrid' }),
    ]);
    expect([profile.timezone, profile.country]).toEqual(['Europe/Madrid', 'ES']);
    expect(material).toEqual([true, false, false]);
  });

  it('counts e-mail engagement, bounds recent events to 50, and moves materialVersion only with material events', () => {
    const opens = Array.from({ length: 60 }, (_, i) => ev(i % 2 ? 'email_clicked' : 'email_opened', min(i), {}, 'email'));
    const { profile } = run([ev('purchase', min(-1), { items: [{ productId: 'hat', quantity: 1, price: 1 }] }), ...opens]);
    expect([profile.emailOpens, profile.emailClicks]).toEqual([30, 30]);
    expect(profile.recentEvents).toHaveLength(50);
    expect(profile.recentEvents[0]?.at).toBe(min(59));
    expect([profile.version, profile.materialVersion]).toEqual([61, 1]);
  });
});
