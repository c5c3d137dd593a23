import type { Offer } from '@omnikernel/sdk';
import { fixtureCatalog, fixtureProfiles } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { geoTimeOffersOptionsSchema } from './options.ts';
import { customerPoint, customerTimeZone, nearestStore, storeForOffer } from './place.ts';
import { formatDistance } from './reasons.ts';

const catalog = fixtureCatalog();
const options = geoTimeOffersOptionsSchema.parse({});
const madrid = catalog.store('s-madrid')!;
const offer: Offer = { id: 'o', title: 'O', value: 1, eligibility: { storeIds: ['s-madrid'], radiusKm: 1 } };
// Due north of the store: 1 km is 1 / 6371.0088 radians of latitude.
const north = (km: number) => ({ lat: madrid.lat + (km / 6371.0088) * (180 / Math.PI), lon: madrid.lon });

describe('place', () => {
  it('counts the fence\'s edge as inside and a step beyond it as outside', () => {
    expect(storeForOffer(offer, catalog, { channel: 'app' }, north(0.999), options)?.km).toBeCloseTo(0.999, 6);
    expect(storeForOffer(offer, catalog, { channel: 'app' }, north(1), options)?.store.id).toBe('s-madrid');
    expect(storeForOffer(offer, catalog, { channel: 'app' }, north(1.001), options)).toBeNull();
  });

  it('takes the store the request comes from as distance 0, and the default radius when the offer gives none', () => {
    expect(storeForOffer(offer, catalog, { channel: 'store', storeId: 's-madrid' }, null, options)).toMatchObject({ km: 0, inside: true });
    const noRadius: Offer = { ...offer, eligibility: { storeIds: ['s-madrid'] } };
    expect(storeForOffer(noRadius, catalog, { channel: 'app' }, north(1.5), options)).toBeNull();
    expect(storeForOffer(noRadius, catalog, { channel: 'app' }, north(1.5), { ...options, defaultRadiusKm: 2 })).not.toBeNull();
  });

  it('uses the request location, else the last known one, unless older than a limit when one is set', () => {
    const luncher = fixtureProfiles['near-store-at-lunch'];
    const now = Date.parse('2026-03-18T12:30:00Z');
    expect(customerPoint(luncher, { channel: 'app', location: { lat: 1, lon: 2 } }, now, options)).toEqual({ lat: 1, lon: 2 });
    expect(customerPoint(luncher, { channel: 'app' }, now, options)).toMatchObject({ lat: 40.419 });
    expect(customerPoint(luncher, { channel: 'app' }, now + 30 * 86_400_000, options)).toMatchObject({ lat: 40.419 });
    const limited = { ...options, maxLocationAgeMinutes: 120 };
    expect(customerPoint(luncher, { channel: 'app' }, now, limited)).toMatchObject({ lat: 40.419 });
    expect(customerPoint(luncher, { channel: 'app' }, now + 3 * 3_600_000, limited)).toBeNull();
  });

  it('finds the timezone from the request, the profile, the nearest store, then the default', () => {
    const near = nearestStore(catalog, fixtureProfiles['new-customer'], { channel: 'app' }, { lat: 51.5, lon: -0.12 });
    expect(near?.store.id).toBe('s-london');
    const profile = fixtureProfiles['new-customer'];
    expect(customerTimeZone(profile, { channel: 'app', timezone: 'Asia/Tokyo' }, near, options)).toBe('Asia/Tokyo');
    expect(customerTimeZone(profile, { channel: 'app', timezone: 'Not/AZone' }, near, options)).toBe('Europe/London');
    expect(customerTimeZone({ ...profile, timezone: 'America/New_York' }, { channel: 'app' }, near, options)).toBe('America/New_York');
    expect(customerTimeZone(profile, { channel: 'app' }, null, { ...options, defaultTimezone: 'Europe/Paris' })).toBe('Europe/Paris');
  });

  it('writes distances as a person reads them', () => {
    expect(formatDistance(0.3537)).toBe('350 m');
    expect(formatDistance(0.001)).toBe('10 m');
    expect(formatDistance(1.26)).toBe('1.3 km');
    expect(formatDistance(12.4)).toBe('12 km');
  });
});
