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
  const out = new Set<string>();
  const { segment, segments } = profile.traits;
  if (typeof segment === 'string' && segment !== '') out.add(segment);
  if (Array.isArray(segments)) for (const s of segments) if (typeof s === 'string' && s !== '') out.add(s);
  if (profile.lifetimeValue >= VIP_LIFETIME_VALUE) out.add('vip');
  if (profile.orderCount === 0) out.add('new');
  if (profile.orderCount >= 2) out.add('repeat');
  if (profile.abandonedCart !== null) out.add('cart_abandoner');
  return [...out].sort();
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
