import { distanceKm } from '@omnikernel/sdk';
import type { CatalogView, DecisionContext, Offer, Profile, Store } from '@omnikernel/sdk';
import { isTimeZone } from './local-time.ts';
import type { GeoTimeOffersOptions } from './options.ts';

/** A point on Earth. */
export interface Point {
  readonly lat: number;
  readonly lon: number;
}

/** A store and how far the customer is from it. */
export interface StoreMatch {
  readonly store: Store;
  readonly km: number;
  /** True when the request comes from inside the store (`context.storeId`). */
  readonly inside: boolean;
}

/** A millimetre: haversine arithmetic must not push a point on the fence outside it. */
const FENCE_TOLERANCE_KM = 1e-6;

/** Where the customer is: the request's location, else the profile's last known one (if not too old, when a limit is set). */
export function customerPoint(profile: Profile, context: DecisionContext, now: number, options: GeoTimeOffersOptions): Point | null {
  if (context.location) return context.location;
  const known = profile.location;
  if (!known) return null;
  if (options.maxLocationAgeMinutes === undefined) return known;
  return now - Date.parse(known.at) <= options.maxLocationAgeMinutes * 60_000 ? known : null;
}

/** The nearest of `stores` to `point` (ties by id), or null. */
export function nearest(stores: Iterable<Store>, point: Point): StoreMatch | null {
  let best: StoreMatch | null = null;
  for (const store of stores) {
    const km = distanceKm(point, store);
    if (best === null || km < best.km || (km === best.km && store.id < best.store.id)) best = { store, km, inside: false };
  }
  return best;
}

/**
 * The store an offer tied to stores (`storeIds`, or any store when only `radiusKm` is set) is
 * eligible through: the one the request comes from, else the nearest `usable` one (open, for
 * `whileStoreOpen` offers) within the radius (inclusive: the fence's edge counts). Null when the
 * customer is not near one.
 */
export function storeForOffer(
  offer: Offer,
  catalog: CatalogView,
  context: DecisionContext,
  point: Point | null,
  options: GeoTimeOffersOptions,
  usable: (store: Store) => boolean = () => true,
): StoreMatch | null {
  const rules = offer.eligibility ?? {};
  const ids = rules.storeIds && rules.storeIds.length > 0 ? rules.storeIds : undefined;
  const inStore = context.storeId && (!ids || ids.includes(context.storeId)) ? catalog.store(context.storeId) : undefined;
  if (inStore) return usable(inStore) ? { store: inStore, km: 0, inside: true } : null;
  if (!point) return null;
  const stores = (ids ? ids.map((id) => catalog.store(id)).filter((s): s is Store => s !== undefined) : [...catalog.stores()]).filter(usable);
  const match = nearest(stores, point);
  return match && match.km <= (rules.radiusKm ?? options.defaultRadiusKm) + FENCE_TOLERANCE_KM ? match : null;
}

/** The store nearest to the customer: by location, else the request's store or their last store. */
export function nearestStore(catalog: CatalogView, profile: Profile, context: DecisionContext, point: Point | null): StoreMatch | null {
  if (context.storeId) {
    const store = catalog.store(context.storeId);
    if (store) return { store, km: 0, inside: true };
  }
  if (point) return nearest(catalog.stores(), point);
  const last = profile.lastStoreId ? catalog.store(profile.lastStoreId) : undefined;
  return last ? { store: last, km: Number.NaN, inside: false } : null;
}

/** The customer's timezone: the request's, the profile's, the nearest store's, else the default. */
export function customerTimeZone(profile: Profile, context: DecisionContext, near: StoreMatch | null, options: GeoTimeOffersOptions): string {
  for (const zone of [context.timezone, profile.timezone, near?.store.timezone]) if (isTimeZone(zone)) return zone;
  return options.defaultTimezone;
}
