import { distanceKm } from '@omnikernel/sdk';
import type { KnownLocation, Profile } from '@omnikernel/sdk';
import { num, str } from './draft.ts';
import type { Draft, Prior, Step } from './draft.ts';
import { MATERIAL_MOVE_KM } from './limits.ts';
import { compareTime, ms } from './time.ts';

/** A reported position (and the store it is in, if any). Material when it moves > 1 km or changes the store. */
export const applyLocation: Step = (d, { event: e, at, atMs, prior }) => {
  const lat = num(e.properties, 'lat');
  const lon = num(e.properties, 'lon');
  const storeId = str(e.properties, 'storeId');
  const accuracyM = num(e.properties, 'accuracyM');
  let moved = false;
  if (lat !== undefined && lon !== undefined) {
    moved = setLocation(d, {
      lat,
      lon,
      at,
      ...(storeId === undefined ? {} : { storeId }),
      ...(accuracyM === undefined ? {} : { accuracyM }),
    });
  }
  return setStore(d, storeId, prior, atMs) || moved;
};

/** A store visit puts the customer at the store (coordinates from the catalog) and makes it the last store. */
export const applyStorePlace: Step = (d, { event: e, at, atMs, ctx, prior }) => {
  const storeId = str(e.properties, 'storeId');
  const store = storeId === undefined ? undefined : ctx.catalog?.store(storeId);
  const moved = store === undefined ? false : setLocation(d, { lat: store.lat, lon: store.lon, at, storeId: store.id });
  return setStore(d, storeId, prior, atMs) || moved;
};

/** A purchase in a store makes that store the last one. */
export const applyPurchasePlace: Step = (d, { event: e, atMs, prior }) => setStore(d, str(e.properties, 'storeId'), prior, atMs);

/**
 * `timezone` and `country` any event may carry: kept from the newest event that sends them.
 * A change is material: time windows and country rules of offers depend on them.
 */
export const applyLocale: Step = (d, { event: e, at, prior }) => {
  const timezone = str(e.properties, 'timezone');
  const country = str(e.properties, 'country')?.toUpperCase();
  if (timezone === undefined && country === undefined) return false;
  const newest = prior.eventCount === 0 || compareTime(at, prior.lastSeen) >= 0;
  let changed = false;
  if (timezone !== undefined && (d.timezone === null || newest) && d.timezone !== timezone) {
    d.timezone = timezone;
    changed = true;
  }
  if (country !== undefined && (d.country === null || newest) && d.country !== country) {
    d.country = country;
    changed = true;
  }
  return changed;
};

/** Replaces the location when `next` is not older; true when it moved more than 1 km (or was unknown). */
function setLocation(d: Draft, next: KnownLocation): boolean {
  const current = d.location;
  if (current !== null && compareTime(current.at, next.at) > 0) return false;
  d.location = next;
  return current === null || distanceKm(current, next) > MATERIAL_MOVE_KM;
}

/**
 * Makes `storeId` the last store unless a newer store event is known; true when it changed.
 * `prior.storeAt` is known whenever the event names a store (see `applyEvents`).
 */
function setStore(d: Draft, storeId: string | undefined, { storeAt }: Prior, atMs: number): boolean {
  if (storeId === undefined || atMs < storeAt) return false;
  const changed = d.lastStoreId !== storeId;
  d.lastStoreId = storeId;
  return changed;
}

/** When the customer was last known in a store (epoch ms), from what the profile keeps. */
export function latestStoreAt(p: Pick<Profile, 'visits' | 'purchases' | 'location'>): number {
  let t = Number.NEGATIVE_INFINITY;
  for (const v of p.visits) if (v.storeId !== undefined) t = Math.max(t, ms(v.at));
  for (const o of p.purchases) if (o.storeId !== undefined) t = Math.max(t, ms(o.at));
  if (p.location?.storeId !== undefined) t = Math.max(t, ms(p.location.at));
  return t;
}
