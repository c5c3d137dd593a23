import type { Profile } from '@omnikernel/sdk';
import { VIP_LIFETIME_VALUE } from './limits.ts';

/**
 * The customer's segments: the ones its traits name (`segment`, `segments`) plus derived ones:
 * - `vip`: lifetime value ≥ 1000;
 * - `new`: no purchase yet; `repeat`: two or more orders;
 * - `cart_abandoner`: an abandoned cart not yet followed by a purchase.
 * Sorted and unique, so equal inputs give equal lists (decisions compare them).
 */
export function deriveSegments(profile: Pick<Profile, 'traits' | 'lifetimeValue' | 'orderCount' | 'abandonedCart'>): string[] {
  const { segment, segments } = profile.traits;
  // Every event derives the segments again; without segments in the traits (most customers) the
  // derived ones are pushed already in sorted order, with no set and no sort.
  if (segment === undefined && segments === undefined) return derivedOnly(profile);
  const out = new Set<string>();
  if (typeof segment === 'string' && segment !== '') out.add(segment);
  if (Array.isArray(segments)) for (const s of segments) if (typeof s === 'string' && s !== '') out.add(s);
  if (profile.lifetimeValue >= VIP_LIFETIME_VALUE) out.add('vip');
  if (profile.orderCount === 0) out.add('new');
  if (profile.orderCount >= 2) out.add('repeat');
  if (profile.abandonedCart !== null) out.add('cart_abandoner');
  return [...out].sort();
}

/** The derived segments alone, sorted: `cart_abandoner` < `new` < `repeat` < `vip`. */
function derivedOnly(profile: Pick<Profile, 'lifetimeValue' | 'orderCount' | 'abandonedCart'>): string[] {
  const out: string[] = [];
  if (profile.abandonedCart !== null) out.push('cart_abandoner');
  if (profile.orderCount === 0) out.push('new');
  if (profile.orderCount >= 2) out.push('repeat');
  if (profile.lifetimeValue >= VIP_LIFETIME_VALUE) out.push('vip');
  return out;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
