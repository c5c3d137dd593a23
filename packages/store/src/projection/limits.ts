/** Bounds of the profile's lists and the projection's constants, in one place. Counters are never bounded. */
export const LIMITS = {
  recentEvents: 50,
  visits: 50,
  recentlyViewed: 20,
  purchases: 50,
  conversations: 20,
} as const;

/** A web or app view opens a new visit only after this much quiet on that channel. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** Category affinity halves every 30 days. */
export const AFFINITY_HALF_LIFE_MS = 30 * 24 * 60 * 60 * 1000;

/** What one event adds to each category it touches. */
export const AFFINITY_WEIGHTS = { view: 1, cart: 3, purchase: 5, conversation: 2 } as const;

/** A location further than this from the last known one renews the decision. */
export const MATERIAL_MOVE_KM = 1;

/** Lifetime value from which a customer is in the derived `vip` segment. */
export const VIP_LIFETIME_VALUE = 1000;
