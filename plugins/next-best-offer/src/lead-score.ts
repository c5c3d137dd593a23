import type { Profile } from '@omnikernel/sdk';

const DAY_MS = 86_400_000;

/** A lead score in [0, 100] and its band. */
export interface LeadScore {
  readonly score: number;
  readonly band: 'hot' | 'warm' | 'cold';
}

/**
 * How likely the customer is to buy soon, from recent intent across channels. The sum, capped at 100:
 * - recency: 30 · e^(−days since last seen / 7)
 * - visits in the last 30 days: 4 each, up to 20
 * - product views in the last 14 days: 2 each, up to 20
 * - an abandoned cart (not since bought): 20 · e^(−days since abandoned / 7)
 * - calls and chats in the last 14 days: 5 each, up to 10
 * - e-mail clicks: 1 each, up to 5 (the profile counts them without dates)
 * Bands: `hot` ≥ bands.hot (70), `warm` ≥ bands.warm (40), else `cold`.
 */
export function leadScore(profile: Profile, now: number, bands: { hot: number; warm: number }): LeadScore {
  const days = (at: string) => Math.max(0, (now - Date.parse(at)) / DAY_MS);
  const within = (list: readonly { at: string }[], d: number) => list.filter((x) => days(x.at) <= d).length;
  const recency = profile.eventCount > 0 ? 30 * Math.exp(-days(profile.lastSeen) / 7) : 0;
  const visits = Math.min(20, 4 * within(profile.visits, 30));
  const views = Math.min(20, 2 * within(profile.recentlyViewed, 14));
  const cart = profile.abandonedCart ? 20 * Math.exp(-days(profile.abandonedCart.abandonedAt) / 7) : 0;
  const talks = Math.min(10, 5 * within(profile.conversations, 14));
  const clicks = Math.min(5, profile.emailClicks);
  const score = Math.min(100, Math.round(recency + visits + views + cart + talks + clicks));
  return { score, band: score >= bands.hot ? 'hot' : score >= bands.warm ? 'warm' : 'cold' };
}
