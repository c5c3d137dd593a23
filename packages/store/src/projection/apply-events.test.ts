import { createEmptyProfile, deepFreeze } from '@omnikernel/sdk';
import type { CatalogView, CustomerEvent, EventType, Profile } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { createCatalogView } from '../catalog/catalog-view.ts';
import { applyEvent, applyEvents } from './apply-event.ts';
import { instant, ms, utc } from './time.ts';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const catalog: CatalogView = createCatalogView(
  {
    products: new Map([
      ['shoe', { id: 'shoe', name: 'Shoe', category: 'shoes', price: 50, currency: 'EUR' }],
      ['hat', { id: 'hat', name: 'Hat', category: 'hats', price: 20, currency: 'EUR' }],
    ]),
    stores: new Map([['mad', { id: 'mad', name: 'Madrid', lat: 40.4168, lon: -3.7038, timezone: 'Europe/Madrid' }]]),
    offers: new Map(),
  },
  1,
);

let n = 0;
const ev = (type: EventType, minutes: number, properties: Record<string, unknown> = {}, channel = 'web'): CustomerEvent => ({
  id: `e${++n}`,
  type,
  channel,
  occurredAt: at(minutes),
  identifiers: n % 3 === 0 ? { deviceId: 'd-1', email: `x${n % 2}@b.io` } : { deviceId: 'd-1' },
  properties,
});

/** Every kind of step, out of order, with repeats of one customer: what a batch may hold. */
const history = (): CustomerEvent[] => [
  ev('identify', 0, { traits: { segment: 'gold' }, consent: { marketing: true }, timezone: 'Europe/Madrid', country: 'es' }),
  ev('page_viewed', 5),
  ev('product_viewed', 6, { productId: 'shoe' }),
  ev('product_viewed', 4, { productId: 'hat' }),
  ev('product_viewed', 50, { productId: 'shoe' }),
  ev('cart_updated', 7, { items: [{ productId: 'shoe', quantity: 1, price: 50 }] }),
  ev('cart_abandoned', 30),
  ev('purchase', 60, { items: [{ productId: 'shoe', quantity: 2, price: 50 }], storeId: 'mad' }, 'store'),
  ev('store_visit', 55, { storeId: 'mad' }, 'store'),
  ev('location', 70, { lat: 41.39, lon: 2.17 }, 'app'),
  ev('call', 80, { productIds: ['hat'], topics: ['returns'] }, 'contact_center'),
  ev('consent_updated', 20, { purpose: 'marketing', granted: false }),
  ev('email_opened', 90, {}, 'email'),
  ev('custom:quiz_done', 3),
  ev('purchase', 100, { items: [{ productId: 'hat', quantity: 1, price: 20 }], currency: 'EUR' }),
];

function oneByOne(start: Profile, events: readonly CustomerEvent[]) {
  let profile = start;
  const material: boolean[] = [];
  for (const e of events) {
    const r = applyEvent(deepFreeze(profile), e, { catalog });
    profile = r.profile;
    material.push(r.material);
  }
  return { profile, material };
}

describe('applyEvents', () => {
  it('gives the profile and materiality of applying the events one by one, without touching its input', () => {
    const events = history();
    const start = deepFreeze(createEmptyProfile('c1', at(0)));
    const expected = oneByOne(start, events);
    const together = applyEvents(start, events, { catalog });
    expect(together.profile).toEqual(expected.profile);
    expect(together.material).toEqual(expected.material);
    // Split in uneven runs, each from the frozen result of the previous one.
    let profile: Profile = start;
    const material: boolean[] = [];
    for (const run of [events.slice(0, 4), events.slice(4, 5), events.slice(5, 11), events.slice(11)]) {
      const r = applyEvents(deepFreeze(profile), run, { catalog });
      profile = r.profile;
      material.push(...r.material);
    }
    expect(profile).toEqual(expected.profile);
    expect(material).toEqual(expected.material);
    expect(start.eventCount).toBe(0);
  });

  it('keeps every field an event does not change by reference (the Redis codec writes only the others)', () => {
    const before = deepFreeze(oneByOne(createEmptyProfile('c1', at(0)), history()).profile);
    const { profile } = applyEvent(before, ev('page_viewed', 200), { catalog });
    const changed = Object.keys(profile).filter((k) => profile[k as keyof Profile] !== before[k as keyof Profile]);
    expect(changed.sort()).toEqual(['channelCounts', 'eventCount', 'lastSeen', 'recentEvents', 'typeCounts', 'version', 'visits'].sort());
  });
});

describe('instant', () => {
  it('equals utc and ms, also for text Date.parse rolls over or reads with an offset', () => {
    for (const iso of ['2026-03-02T09:00:00.000Z', '2026-02-31T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-03-02T10:00:00+01:00', '2026-03-02T09:00:00Z', 'not a time']) {
      const i = instant(iso);
      expect(i.at).toBe(utc(iso));
      expect(Object.is(i.ms, ms(iso))).toBe(true);
    }
  });
});
