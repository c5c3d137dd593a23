import type { Profile } from '../types/profile.ts';

/**
 * A profile with no history: what a first event starts from, and a base for test fixtures.
 *
 * @example
 * const profile = { ...createEmptyProfile('c-1', '2026-01-01T00:00:00Z'), country: 'ES' };
 */
export function createEmptyProfile(customerId: string, at: string): Profile {
  return {
    customerId,
    version: 0,
    materialVersion: 0,
    identifiers: { customerId: [customerId] },
    aliases: [],
    consent: {},
    firstSeen: at,
    lastSeen: at,
    eventCount: 0,
    channelCounts: {},
    typeCounts: {},
    visits: [],
    recentlyViewed: [],
    purchases: [],
    conversations: [],
    cart: null,
    abandonedCart: null,
    categoryAffinity: {},
    location: null,
    lastStoreId: null,
    timezone: null,
    country: null,
    lifetimeValue: 0,
    orderCount: 0,
    emailOpens: 0,
    emailClicks: 0,
    segments: [],
    traits: {},
    recentEvents: [],
  };
}
