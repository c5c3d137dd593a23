import type { Offer } from '@omnikernel/sdk';
import { fixtureCatalog, fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { ineligibility, isContextual, touchedCategories } from './eligibility.ts';

const catalog = fixtureCatalog();
const now = Date.parse('2026-03-18T12:30:00Z');
const offer = (patch: Partial<Offer>): Offer => ({ id: 'o', title: 'O', value: 1, ...patch });
const check = (o: Offer, profile = fixtureProfiles['caller-abandoned-cart'], channel = 'contact_center', storeId?: string) =>
  ineligibility(o, profile, { channel, ...(storeId ? { storeId } : {}) }, catalog, now, touchedCategories(profile, catalog));

describe('ineligibility', () => {
  it('checks channel, validity, country, segment, consent, lifetime value and the abandoned cart', () => {
    expect(check(offer({}))).toBeNull();
    expect(check(offer({ channels: ['web'] }))).toBe('not offered on contact_center');
    expect(check(offer({ validFrom: '2026-04-01T00:00:00Z' }))).toBe('starts 2026-04-01T00:00:00Z');
    expect(check(offer({ validUntil: '2026-03-18T12:30:00Z' }))).toBe('ended 2026-03-18T12:30:00Z');
    expect(check(offer({ eligibility: { countries: ['GB'] } }))).toBe('country');
    expect(check(offer({ eligibility: { segments: ['vip'] } }))).toBe('segment');
    expect(check(offer({ eligibility: { consent: ['marketing', 'sms'] } }))).toBe('no sms consent');
    expect(check(offer({ eligibility: { minLifetimeValue: 100 } }))).toBe('lifetime value');
    expect(check(offer({ eligibility: { requiresAbandonedCart: true } }), fixtureProfiles['store-buyer'])).toBe('no abandoned cart');
  });

  it('needs the cart or recent views to touch one of the offer\'s categories', () => {
    expect(check(offer({ eligibility: { categories: ['coffee'] } }))).toBeNull();
    expect(check(offer({ eligibility: { categories: ['tea'] } }))).toBe('categories');
  });

  it('is out of stock only when every product of the offer is, where the customer is', () => {
    const toaster = offer({ eligibility: { productIds: ['p-toaster'] } });
    expect(check(toaster, undefined, 'web')).toBe('out of stock');
    expect(check(toaster, undefined, 'store', 's-madrid')).toBeNull();
    expect(check(offer({ eligibility: { productIds: ['p-toaster', 'p-kettle'] } }), undefined, 'web')).toBeNull();
  });

  it('knows which offers are about place and time', () => {
    expect(isContextual(offer({ eligibility: { timeWindows: [{ start: '13:00', end: '16:00' }] } }))).toBe(true);
    expect(isContextual(offer({ eligibility: { radiusKm: 2 } }))).toBe(true);
    expect(isContextual(offer({ eligibility: { countries: ['ES'] } }))).toBe(false);
  });
});
