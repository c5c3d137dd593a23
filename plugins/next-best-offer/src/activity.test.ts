import { createSeededRandom, type Offer } from '@omnikernel/sdk';
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

describe('calendar days, remembered per zone and quarter hour', () => {
  it('are what a fresh Intl formatter says, around DST changes and in zones with odd offsets', () => {
    const dayOf = (ms: number, zone: string) => Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)}T00:00:00Z`) / 86_400_000;
    const expected = (at: string, now: number, zone: string) => {
      const days = dayOf(now, zone) - dayOf(Date.parse(at), zone);
      if (days <= 0) return 'today';
      if (days === 1) return 'yesterday';
      if (days < 14) return `${days} days ago`;
      if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
      return `${Math.floor(days / 30)} months ago`;
    };
    const r = createSeededRandom('calendar-days');
    const zones = ['Europe/Madrid', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    // Around the 2026 changes of Europe (29 Mar, 25 Oct), the US (8 Mar, 1 Nov) and Lord Howe (5 Apr, 4 Oct).
    const centres = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'].map(Date.parse);
    for (let n = 0; n < 3_000; n++) {
      const zone = zones[Math.floor(r.next() * zones.length)]!;
      const centre = centres[Math.floor(r.next() * centres.length)]!;
      const now = centre + Math.floor((r.next() - 0.5) * 2 * 86_400_000);
      const at = new Date(now - Math.floor(r.next() * 20 * 86_400_000)).toISOString();
      expect(ago(at, now, zone)).toBe(expected(at, now, zone));
    }
  });
});
