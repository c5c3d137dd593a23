import type { Offer } from '@omnikernel/sdk';
import { fixtureCatalog, fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { activityReasons, ago } from './activity.ts';

const now = Date.parse('2026-03-18T12:30:00Z');

describe('activity reasons', () => {
  it('counts calendar days on the customer\'s clock', () => {
    expect(ago('2026-03-18T00:10:00Z', now, 'Europe/Madrid')).toBe('today');
    // 23:30Z on the 17th is already the 18th in Madrid, still the 17th in New York.
    expect(ago('2026-03-17T23:30:00Z', now, 'Europe/Madrid')).toBe('today');
    expect(ago('2026-03-17T23:30:00Z', now, 'America/New_York')).toBe('yesterday');
    expect(ago('2026-03-16T19:35:00Z', now, 'Europe/Madrid')).toBe('2 days ago');
    expect(ago('2026-02-18T10:00:00Z', now)).toBe('4 weeks ago');
    expect(ago('2025-11-02T10:00:00Z', now, 'Not/AZone')).toBe('4 months ago');
  });

  it('cites only activity touching the offer, and names the product for the script', () => {
    const catalog = fixtureCatalog();
    const caller = fixtureProfiles['caller-abandoned-cart'];
    const tea: Offer = { id: 't', title: 'Tea', value: 1, eligibility: { categories: ['tea'] } };
    expect(activityReasons(tea, caller, catalog, now)).toEqual({ reasons: [], product: 'Barista Pro espresso machine' });
    const grinder: Offer = { id: 'g', title: 'Grinder', value: 1, eligibility: { productIds: ['p-grinder'] } };
    expect(activityReasons(grinder, caller, catalog, now)).toEqual({ reasons: ['Looked at the Burr coffee grinder 2 days ago'], product: 'Burr coffee grinder' });
    expect(activityReasons(grinder, fixtureProfiles['new-customer'], catalog, now)).toEqual({ reasons: [], product: 'Burr coffee grinder' });
  });
});
