import type { CatalogView, LineItem, Profile } from '@omnikernel/sdk';
import { formatPrice } from '../shared/format-price.ts';
import type { ActivityView, CallerView, ProductLine } from './view-types.ts';

const DAY_MS = 86_400_000;
const VIEWED = 5;
const PURCHASES = 3;
const CONVERSATIONS = 3;

/** Who is calling, from the profile's identifiers and traits. */
export function callerView(profile: Profile): CallerView {
  const firstName = text(profile.traits.firstName);
  const lastName = text(profile.traits.lastName);
  return {
    customerId: profile.customerId,
    name: [firstName, lastName].filter(Boolean).join(' ') || text(profile.traits.name),
    firstName,
    lastName,
    crmId: profile.identifiers.crmId?.[0] ?? null,
    loyaltyId: profile.identifiers.loyaltyId?.[0] ?? null,
    identifiers: profile.identifiers,
    segments: profile.segments,
    lifetimeValue: profile.lifetimeValue,
    orderCount: profile.orderCount,
    firstSeen: profile.firstSeen,
    lastSeen: profile.lastSeen,
  };
}

/**
 * Recent activity across every channel, read per request: views do not renew the decision (it
 * must not flicker while a customer browses) but the agent should see the product viewed a
 * minute ago.
 */
export function activityView(profile: Profile, catalog: CatalogView, now: number, locale: string): ActivityView {
  const since = now - 30 * DAY_MS;
  const byChannel: Record<string, number> = {};
  let total = 0;
  for (const visit of profile.visits) {
    if (Date.parse(visit.at) < since) continue;
    byChannel[visit.channel] = (byChannel[visit.channel] ?? 0) + 1;
    total += 1;
  }
  const name = (productId: string) => catalog.product(productId)?.name ?? productId;
  const cart = profile.abandonedCart;
  return {
    visitsLast30Days: { total, byChannel },
    recentlyViewed: profile.recentlyViewed.slice(0, VIEWED).map((v) => ({ productId: v.productId, name: name(v.productId), at: v.at, channel: v.channel })),
    abandonedCart: cart ? { abandonedAt: cart.abandonedAt, channel: cart.channel, items: cart.items.map((line) => cartLine(line, catalog, locale)) } : null,
    lastPurchases: profile.purchases.slice(0, PURCHASES).map((p) => ({
      orderId: p.orderId,
      at: p.at,
      channel: p.channel,
      online: p.online,
      storeId: p.storeId ?? null,
      storeName: p.storeId ? (catalog.store(p.storeId)?.name ?? null) : null,
      total: p.total,
      // What was paid then, in the order's currency: history, not a price on offer.
      totalFormatted: formatPrice(p.total, p.currency, locale),
      items: p.items.map((line) => ({ productId: line.productId, name: name(line.productId), quantity: line.quantity })),
    })),
    lastConversations: profile.conversations.slice(0, CONVERSATIONS).map((c) => ({ type: c.type, at: c.at, channel: c.channel, topics: c.topics, outcome: c.outcome ?? null })),
  };
}

/** A cart line at today's catalog price (what the customer would pay now), not the price once shown. */
function cartLine(line: LineItem, catalog: CatalogView, locale: string): ProductLine {
  const product = catalog.product(line.productId);
  return {
    productId: line.productId,
    name: product?.name ?? line.productId,
    quantity: line.quantity,
    price: product?.price ?? null,
    currency: product?.currency ?? null,
    priceFormatted: product ? formatPrice(product.price, product.currency, locale) : '',
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
