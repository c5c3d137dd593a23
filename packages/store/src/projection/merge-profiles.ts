import type { IdentifierType, Profile } from '@omnikernel/sdk';
import { mergeAffinity } from './affinity.ts';
import { cents } from './apply-commerce.ts';
import type { StoredProfile } from './draft.ts';
import { mergeByTime, sumCounts, union } from './lists.ts';
import { LIMITS } from './limits.ts';
import { deriveSegments } from './segments.ts';
import { compareTime, earliest, latest, ms } from './time.ts';

/**
 * Which of two customers survives a merge: the older one (earlier `firstSeen`); on a tie the
 * lexicographically smaller id, so every process picks the same one.
 */
export function pickSurvivor<T extends Pick<Profile, 'customerId' | 'firstSeen'>>(a: T, b: T): [survivor: T, loser: T] {
  const ta = ms(a.firstSeen);
  const tb = ms(b.firstSeen);
  if (ta !== tb) return ta < tb ? [a, b] : [b, a];
  return a.customerId <= b.customerId ? [a, b] : [b, a];
}

/**
 * Two profiles of one person as one, field by field, nothing lost: the survivor's id (see
 * `pickSurvivor`), the loser's id among the aliases, identifiers united, counters summed, lists
 * merged newest first (and bounded as usual), affinities combined with decay, and for single
 * values (cart, location, timezone, traits) the most recent wins. Always material.
 * Symmetric: `mergeProfiles(a, b)` equals `mergeProfiles(b, a)`.
 *
 * @example
 * const merged = mergeProfiles(deviceProfile, emailProfile); // merged.aliases includes the younger id
 */
export function mergeProfiles(a: Profile, b: Profile): StoredProfile {
  const [s, l] = pickSurvivor(a as StoredProfile, b as StoredProfile);
  return mergeInto(s, l);
}

/**
 * `loser` merged into `survivor`, whichever is older: for a store that has already chosen the
 * survivor (its keys are where the result is written). `mergeProfiles` is this with `pickSurvivor`.
 */
export function mergeInto(survivor: Profile, loser: Profile): StoredProfile {
  const s = survivor as StoredProfile;
  const l = loser as StoredProfile;
  // For single values, the profile seen most recently is the better guess of the present.
  const [old, recent] = compareTime(s.lastSeen, l.lastSeen) > 0 ? [l, s] : [s, l];
  const purchases = mergeByTime(s.purchases, l.purchases, LIMITS.purchases);
  const lastPurchase = purchases[0] === undefined ? Number.NEGATIVE_INFINITY : ms(purchases[0].at);
  const cart = newest(s.cart, l.cart, (c) => c.updatedAt);
  const abandonedCart = newest(s.abandonedCart, l.abandonedCart, (c) => c.abandonedAt);
  const version = Math.max(s.version, l.version) + 1;
  const merged: StoredProfile = {
    customerId: s.customerId,
    version,
    materialVersion: version,
    identifiers: mergeIdentifiers(s.identifiers, l.identifiers),
    aliases: union(union(s.aliases, l.aliases), [l.customerId]).filter((id) => id !== s.customerId),
    ...mergeConsent(old, recent),
    firstSeen: earliest(s.firstSeen, l.firstSeen),
    lastSeen: latest(s.lastSeen, l.lastSeen),
    eventCount: s.eventCount + l.eventCount,
    channelCounts: sumCounts(s.channelCounts, l.channelCounts),
    typeCounts: sumCounts(s.typeCounts, l.typeCounts),
    visits: mergeByTime(s.visits, l.visits, LIMITS.visits),
    recentlyViewed: mergeByTime(s.recentlyViewed, l.recentlyViewed, LIMITS.recentlyViewed, (v) => v.productId),
    purchases,
    conversations: mergeByTime(s.conversations, l.conversations, LIMITS.conversations),
    cart: cart !== null && ms(cart.updatedAt) > lastPurchase ? cart : null,
    abandonedCart: abandonedCart !== null && ms(abandonedCart.abandonedAt) > lastPurchase ? abandonedCart : null,
    categoryAffinity: mergeAffinity(s.categoryAffinity, l.categoryAffinity),
    location: newest(s.location, l.location, (x) => x.at),
    lastStoreId: recent.lastStoreId ?? old.lastStoreId,
    timezone: recent.timezone ?? old.timezone,
    country: recent.country ?? old.country,
    lifetimeValue: cents(s.lifetimeValue + l.lifetimeValue),
    orderCount: s.orderCount + l.orderCount,
    emailOpens: s.emailOpens + l.emailOpens,
    emailClicks: s.emailClicks + l.emailClicks,
    segments: [],
    traits: { ...old.traits, ...recent.traits },
    recentEvents: mergeByTime(s.recentEvents, l.recentEvents, LIMITS.recentEvents, (e) => e.id),
  };
  return { ...merged, segments: deriveSegments(merged) };
}

function mergeIdentifiers(a: Profile['identifiers'], b: Profile['identifiers']): Profile['identifiers'] {
  const out: Partial<Record<IdentifierType, readonly string[]>> = { ...a };
  for (const [type, values] of Object.entries(b) as Array<[IdentifierType, readonly string[]]>) {
    out[type] = union(out[type] ?? [], values);
  }
  return out;
}

/** Per purpose, the decision with the later timestamp; without timestamps, the more recent profile's. */
function mergeConsent(old: StoredProfile, recent: StoredProfile): Pick<StoredProfile, 'consent' | 'consentUpdatedAt'> {
  const consent: Record<string, boolean> = { ...old.consent, ...recent.consent };
  const updatedAt: Record<string, string> = { ...old.consentUpdatedAt, ...recent.consentUpdatedAt };
  for (const [purpose, at] of Object.entries(old.consentUpdatedAt ?? {})) {
    const other = recent.consentUpdatedAt?.[purpose];
    const value = old.consent[purpose];
    if (value !== undefined && (other === undefined ? !(purpose in recent.consent) : compareTime(at, other) > 0)) {
      consent[purpose] = value;
      updatedAt[purpose] = at;
    }
  }
  return { consent, consentUpdatedAt: updatedAt };
}

function newest<T>(a: T | null, b: T | null, at: (x: T) => string): T | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTime(at(b), at(a)) > 0 ? b : a;
}

/** A profile taken over under another id (a survivor with no profile of its own): the old id becomes an alias. */
export function renameProfile(profile: StoredProfile, id: string): StoredProfile {
  const ids = profile.identifiers.customerId ?? [];
  return {
    ...profile,
    customerId: id,
    aliases: [...new Set([...profile.aliases, profile.customerId])],
    identifiers: { ...profile.identifiers, customerId: ids.includes(id) ? ids : [...ids, id] },
    version: profile.version + 1,
    materialVersion: profile.version + 1,
  };
}
