import { createEmptyProfile } from '@omnikernel/sdk';
import type { Profile } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import type { StoredProfile } from './draft.ts';
import { mergeInto, mergeProfiles, pickSurvivor, renameProfile } from './merge-profiles.ts';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(T0 + ms).toISOString();

function profile(id: string, over: Partial<StoredProfile>): StoredProfile {
  return { ...createEmptyProfile(id, over.firstSeen ?? iso(0)), ...over };
}

const older = profile('c_b', {
  version: 7,
  firstSeen: iso(0),
  lastSeen: iso(2 * DAY),
  eventCount: 7,
  identifiers: { customerId: ['c_b'], deviceId: ['d-1'] },
  aliases: ['c_x'],
  consent: { marketing: true, email: true },
  consentUpdatedAt: { marketing: iso(DAY), email: iso(0) },
  channelCounts: { web: 7 },
  typeCounts: { page_viewed: 5, product_viewed: 2 },
  recentlyViewed: [{ productId: 'p1', at: iso(DAY), channel: 'web' }],
  visits: [{ at: iso(0), channel: 'web' }],
  cart: { items: [{ productId: 'p1', quantity: 1, price: 10 }], updatedAt: iso(DAY), channel: 'web' },
  categoryAffinity: { shoes: { score: 2, at: iso(0) } },
  lifetimeValue: 10.1,
  orderCount: 1,
  purchases: [{ orderId: 'o1', at: iso(DAY / 2), channel: 'web', online: true, items: [], total: 10.1 }],
  timezone: 'Europe/Madrid',
  traits: { firstName: 'Ana', tier: 'gold' },
  recentEvents: [{ id: 'e1', type: 'page_viewed', channel: 'web', at: iso(0) }],
});

const younger = profile('c_a', {
  version: 3,
  firstSeen: iso(DAY),
  lastSeen: iso(40 * DAY),
  eventCount: 3,
  identifiers: { customerId: ['c_a'], email: ['a@b.io'] },
  consent: { marketing: false },
  consentUpdatedAt: { marketing: iso(30 * DAY) },
  channelCounts: { email: 2, store: 1 },
  typeCounts: { email_opened: 2, purchase: 1 },
  recentlyViewed: [{ productId: 'p1', at: iso(3 * DAY), channel: 'app' }],
  categoryAffinity: { shoes: { score: 4, at: iso(30 * DAY) }, hats: { score: 1, at: iso(2 * DAY) } },
  lifetimeValue: 1000.2,
  orderCount: 1,
  purchases: [{ orderId: 'o2', at: iso(2 * DAY), channel: 'store', online: false, storeId: 's1', items: [], total: 1000.2 }],
  lastStoreId: 's1',
  country: 'ES',
  traits: { firstName: 'Ana María' },
  emailOpens: 2,
  recentEvents: [{ id: 'e9', type: 'purchase', channel: 'store', at: iso(2 * DAY) }],
});

describe('pickSurvivor', () => {
  it('keeps the customer seen first; on a tie, the smaller id', () => {
    expect(pickSurvivor(older, younger)[0].customerId).toBe('c_b');
    expect(pickSurvivor(younger, older)[0].customerId).toBe('c_b');
    const twin = { ...older, customerId: 'c_a' };
    expect(pickSurvivor(older, twin)[0].customerId).toBe('c_a');
  });
});

describe('mergeProfiles', () => {
  const merged = mergeProfiles(younger, older);

  it('is the same whichever way round', () => {
    expect(mergeProfiles(older, younger)).toEqual(merged);
  });

  it('keeps the older id, makes the younger an alias, unites identifiers', () => {
    expect(merged.customerId).toBe('c_b');
    expect(merged.aliases).toEqual(['c_x', 'c_a']);
    expect(merged.identifiers).toEqual({ customerId: ['c_b', 'c_a'], deviceId: ['d-1'], email: ['a@b.io'] });
  });

  it('sums counters and spans both histories', () => {
    expect(merged).toMatchObject({
      eventCount: 10,
      firstSeen: iso(0),
      lastSeen: iso(40 * DAY),
      lifetimeValue: 1010.3,
      orderCount: 2,
      emailOpens: 2,
      version: 8,
      materialVersion: 8,
    });
    expect(merged.channelCounts).toEqual({ web: 7, email: 2, store: 1 });
    expect(merged.typeCounts).toEqual({ page_viewed: 5, product_viewed: 2, email_opened: 2, purchase: 1 });
  });

  it('merges lists newest first, once per product for recently viewed', () => {
    expect(merged.purchases.map((p) => p.orderId)).toEqual(['o2', 'o1']);
    expect(merged.recentlyViewed).toEqual([{ productId: 'p1', at: iso(3 * DAY), channel: 'app' }]);
    expect(merged.recentEvents.map((e) => e.id)).toEqual(['e9', 'e1']);
    expect(merged.visits).toHaveLength(1);
  });

  it('drops a cart that a later purchase of the other profile emptied', () => {
    expect(merged.cart).toBeNull();
    const noLaterPurchase = mergeProfiles({ ...younger, purchases: [] }, older);
    expect(noLaterPurchase.cart).toEqual(older.cart);
  });

  it('combines affinities with decay: 2 · ½ + 4 = 5 as of day 30', () => {
    expect(merged.categoryAffinity).toEqual({ shoes: { score: 5, at: iso(30 * DAY) }, hats: { score: 1, at: iso(2 * DAY) } });
  });

  it('takes single values from the most recent profile, consent by its own timestamps', () => {
    expect(merged.consent).toEqual({ marketing: false, email: true });
    expect(merged.timezone).toBe('Europe/Madrid'); // the recent one has none
    expect(merged.country).toBe('ES');
    expect(merged.lastStoreId).toBe('s1');
    expect(merged.traits).toEqual({ firstName: 'Ana María', tier: 'gold' });
    expect(merged.segments).toEqual(['repeat', 'vip']);
  });

  it('keeps an older consent decision that is newer than the other profile\u2019s', () => {
    const a = profile('c_1', { firstSeen: iso(0), lastSeen: iso(DAY), consent: { sms: false }, consentUpdatedAt: { sms: iso(DAY) } });
    const b = profile('c_2', { firstSeen: iso(0), lastSeen: iso(9 * DAY), consent: { sms: true }, consentUpdatedAt: { sms: iso(0) } });
    expect(mergeProfiles(a, b).consent).toEqual({ sms: false });
  });
});

describe('mergeInto and renameProfile', () => {
  it('mergeInto keeps the survivor it is given', () => {
    expect(mergeInto(younger, older).customerId).toBe('c_a');
  });
  it('renameProfile hands a profile to another id, keeping the old one as an alias', () => {
    const p: Profile = renameProfile(younger, 'c_new');
    expect(p.customerId).toBe('c_new');
    expect(p.aliases).toEqual(['c_a']);
    expect(p.identifiers.customerId).toEqual(['c_a', 'c_new']);
    expect(p.version).toBe(4);
  });
});
