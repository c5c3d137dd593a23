import type { Channel, Product, Store } from '@omnikernel/sdk';
import { CATEGORIES } from './catalog.ts';
import type { DemoContext } from './context.ts';
import type { DemoCustomer, Segment } from './customers.ts';
import {
  allIdentifiers,
  DAY,
  HistoryWriter,
  HOUR,
  identifierCache,
  lineItems,
  MINUTE,
  orderTotal,
  pointNear,
  type LineItem,
  type TimedEvents,
} from './history-writer.ts';
import { localHourOfDay } from './local-time.ts';
import { createRng, hashString, type Rng } from './random.ts';

const SITE = 'https://demo.omnikernel.dev';
const CATEGORY_URLS: ReadonlyMap<string, string> = new Map(CATEGORIES.map((c) => [c.id, `${SITE}/c/${c.id}`]));

/** How active each segment is. */
const ACTIVITY: Readonly<
  Record<Segment, { sessions: [number, number]; cart: number; storeVisits: [number, number]; open: number; calls: readonly number[] }>
> = {
  vip: { sessions: [8, 12], cart: 0.45, storeVisits: [3, 6], open: 0.5, calls: [0.4, 0.4, 0.2] },
  regular: { sessions: [5, 8], cart: 0.35, storeVisits: [1, 3], open: 0.3, calls: [0.6, 0.3, 0.1] },
  occasional: { sessions: [3, 5], cart: 0.3, storeVisits: [0, 2], open: 0.15, calls: [0.75, 0.22, 0.03] },
  new: { sessions: [2, 4], cart: 0.4, storeVisits: [0, 1], open: 0.45, calls: [0.8, 0.2, 0] },
};

const CALL_TOPICS_AFTER_PURCHASE = ['order_status', 'delivery', 'returns', 'warranty', 'installation'] as const;
const CALL_TOPICS_BEFORE = ['product_question', 'stock', 'store_hours', 'price_match'] as const;
const CALL_OUTCOMES = ['resolved', 'info_provided', 'return_created', 'callback_scheduled'] as const;
const CHAT_TOPICS = ['product_question', 'stock', 'delivery', 'store_hours', 'sizes'] as const;

/** Something the customer did with a product that a call or chat may be about. */
interface Touch {
  readonly at: number;
  readonly product: Product;
  readonly bought: boolean;
}

/** A moment between `from` and `to`, moved into the local daytime [startHour, endHour) of `timeZone`. */
export function localMoment(rng: Rng, from: number, to: number, timeZone: string, startHour = 8, endHour = 22): number {
  if (to <= from) return from;
  let t = from + rng.next() * (to - from);
  const hourOfDay = localHourOfDay(t, timeZone);
  if (hourOfDay < startHour || hourOfDay >= endHour) {
    const localMidnight = t - hourOfDay * HOUR;
    t = localMidnight + (startHour + rng.next() * (endHour - startHour)) * HOUR;
    if (t > to) t -= DAY;
    if (t < from) t = from + rng.next() * Math.min(HOUR, to - from);
  }
  return Math.floor(t);
}

/** Popular products come up more often: the first of a list most, the last least. */
function pickPopular(rng: Rng, list: readonly Product[]): Product {
  const idx = Math.floor(list.length * rng.next() ** 1.8);
  return list[Math.min(idx, list.length - 1)] as Product;
}

function complementOf(rng: Rng, ctx: DemoContext, product: Product): Product | undefined {
  const lists = ctx.complements.get(product.id);
  if (!lists || lists.length === 0) return undefined;
  return pickPopular(rng, rng.pick(lists));
}

/** A category index drawn with the customer's weights (cumulative, precomputed). */
function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function pickIndex(rng: Rng, cumulativeWeights: readonly number[]): number {
  const r = rng.next() * (cumulativeWeights[cumulativeWeights.length - 1] as number);
  let i = 0;
  while (i < cumulativeWeights.length - 1 && r >= (cumulativeWeights[i] as number)) i++;
  return i;
}

function quantityFor(rng: Rng, product: Product): number {
  return product.price < 30 && rng.chance(0.25) ? 2 : 1;
}

/** Generates the 180-day history of one generated customer. */
export function generateHistory(customer: DemoCustomer, ctx: DemoContext, seed: number): TimedEvents {
  const rng = createRng(hashString(`${seed}:history:${customer.customerId}`));
  const { anchor } = ctx;
  const homeStore = ctx.storeById.get(customer.homeStoreId) as Store;
  const activity = ACTIVITY[customer.segment];
  const w = new HistoryWriter(customer.customerId, anchor - MINUTE);
  const ids = identifierCache(customer);
  const categoryWeights = cumulative(customer.categoryWeights);
  const firstSeen = localMoment(rng, anchor - customer.firstSeenDaysAgo * DAY, anchor - customer.firstSeenDaysAgo * DAY + 12 * HOUR, customer.timezone, 9, 21);
  const start = firstSeen + 10 * MINUTE;
  const end = anchor - 3 * HOUR;
  const { timezone, country } = customer;
  const touches: Touch[] = [];
  const followUps: Product[] = [];

  const pickProduct = (): Product => {
    if (followUps.length > 0 && rng.chance(0.35)) return rng.pick(followUps);
    const cat = pickIndex(rng, categoryWeights);
    return pickPopular(rng, ctx.byCategory[cat] ?? ctx.products);
  };
  const bought = (at: number, items: readonly Product[]): void => {
    for (const p of items) {
      touches.push({ at, product: p, bought: true });
      const c = complementOf(rng, ctx, p);
      if (c && rng.chance(0.7)) followUps.push(c);
    }
  };
  const basket = (first: Product): Product[] => {
    const items = [first];
    if (rng.chance(0.5)) {
      const c = complementOf(rng, ctx, first);
      if (c && c.id !== first.id) items.push(c);
      if (rng.chance(0.25)) {
        const c2 = complementOf(rng, ctx, first);
        if (c2 && !items.some((p) => p.id === c2.id)) items.push(c2);
      }
    }
    return items;
  };
  const linesOf = (items: readonly Product[]): LineItem[] => lineItems(items, items.map((p) => quantityFor(rng, p)));
  const purchase = (at: number, channel: Channel, items: readonly Product[], lines: LineItem[], storeId?: string): void => {
    const orderId = w.nextOrderId();
    const total = orderTotal(lines);
    w.emit(
      'purchase',
      channel,
      at,
      ids(channel, true),
      storeId ? { orderId, items: lines, storeId, currency: 'EUR', total } : { orderId, items: lines, currency: 'EUR', total },
    );
    bought(at, items);
  };

  // Sign-up: identify with every identifier, then consent.
  const signupChannel: Channel = rng.weighted(['web', 'app', 'store'], [0.5, customer.usesApp ? 0.3 : 0, 0.2]);
  w.emit('identify', signupChannel, firstSeen, allIdentifiers(customer), {
    traits: { firstName: customer.firstName, lastName: customer.lastName, segment: customer.segment },
    timezone,
    country,
  });
  // Some unsubscribed from e-mail later: they started with e-mail consent.
  const unsubscribed = !customer.consent.email && rng.chance(0.5);
  const unsubscribeAt = unsubscribed ? start + rng.next() * (end - start) : Number.POSITIVE_INFINITY;
  w.emit('consent_updated', signupChannel, firstSeen + 2 * MINUTE, ids(signupChannel, true), {
    consent: { ...customer.consent, email: customer.consent.email || unsubscribed },
  });
  if (unsubscribed) {
    w.emit('consent_updated', 'email', unsubscribeAt, ids('email'), { consent: { ...customer.consent } });
  }

  // Web and app sessions and store visits, in time order (so follow-up interest comes after a purchase).
  const sessions = rng.int(activity.sessions[0], activity.sessions[1]);
  const visits = rng.int(activity.storeVisits[0], activity.storeVisits[1]);
  const plan: { at: number; store: Store | null }[] = [];
  for (let i = 0; i < sessions; i++) plan.push({ at: localMoment(rng, start, end, customer.timezone, 7, 24), store: null });
  for (let i = 0; i < visits; i++) {
    const store = rng.chance(0.93) ? homeStore : rng.pick(ctx.stores);
    plan.push({ at: localMoment(rng, start + HOUR, end, store.timezone, 12, 18), store });
  }
  plan.sort((a, b) => a.at - b.at);

  for (const step of plan) {
    const store = step.store;
    if (store) {
      // A store visit, often with the app's location on the way and a purchase.
      const t = step.at;
      if (customer.usesApp && rng.chance(0.5)) {
        const near = pointNear(store, 0.05 + rng.next() * 0.6, rng);
        w.emit('location', 'app', t - rng.int(4, 20) * MINUTE, ids('app'), {
          lat: near.lat,
          lon: near.lon,
          accuracyM: rng.int(8, 60),
          timezone,
          country,
        });
      }
      w.emit('store_visit', 'store', t, ids('store'), { storeId: store.id });
      if (rng.chance(0.6)) {
        const items = basket(pickProduct());
        purchase(t + rng.int(8, 45) * MINUTE, 'store', items, linesOf(items), store.id);
      }
      continue;
    }
    // A web or app session: browse, sometimes a cart, then a purchase or an abandoned cart.
    const channel: Channel = customer.usesApp && rng.chance(0.55) ? 'app' : 'web';
    let t = step.at;
    const first = pickProduct();
    const url = CATEGORY_URLS.get(first.category) ?? SITE;
    w.emit('page_viewed', channel, t, ids(channel), channel === 'app' ? { url, timezone, country } : { url });
    const viewed: Product[] = [];
    const views = rng.int(1, 4);
    for (let v = 0; v < views; v++) {
      const p = v === 0 ? first : rng.chance(0.4) ? (complementOf(rng, ctx, first) ?? pickProduct()) : pickProduct();
      t += rng.int(20, 240) * 1000;
      w.emit('product_viewed', channel, t, ids(channel), { productId: p.id });
      viewed.push(p);
      touches.push({ at: t, product: p, bought: false });
    }
    if (!rng.chance(activity.cart)) continue;
    const items = basket(rng.pick(viewed));
    t += rng.int(1, 6) * MINUTE;
    // One list of lines per session: the cart, the order and the abandoned cart show the same items.
    const lines = linesOf(items);
    w.emit('cart_updated', channel, t, ids(channel), { items: lines });
    if (rng.chance(0.6)) {
      t += rng.int(2, 12) * MINUTE;
      purchase(t, channel, items, lines);
    } else if (rng.chance(0.75)) {
      t += rng.int(30, 120) * MINUTE;
      w.emit('cart_abandoned', channel, t, ids(channel), { items: lines });
    }
  }

  // The app reports where the customer is now and then, around town.
  if (customer.usesApp) {
    const extra = rng.int(0, 3);
    for (let i = 0; i < extra; i++) {
      const t = localMoment(rng, start, end, customer.timezone, 8, 22);
      const where = pointNear(homeStore, 1.5 + rng.next() * 6, rng);
      w.emit('location', 'app', t, ids('app'), { lat: where.lat, lon: where.lon, accuracyM: rng.int(10, 120), timezone, country });
    }
  }

  // Contact-center calls and virtual-agent chats about products they looked at or bought.
  touches.sort((a, b) => a.at - b.at);
  const calls = rng.weighted([0, 1, 2], activity.calls);
  for (let i = 0; i < calls && touches.length > 0; i++) {
    const touch = rng.pick(touches);
    const at = localMoment(rng, touch.at + HOUR, Math.min(touch.at + 6 * DAY, end), customer.timezone, 9, 20);
    if (at <= touch.at) continue;
    w.emit('call', 'contact_center', at, ids('contact_center'), {
      productIds: [touch.product.id],
      topics: [rng.pick(touch.bought ? CALL_TOPICS_AFTER_PURCHASE : CALL_TOPICS_BEFORE)],
      outcome: rng.pick(CALL_OUTCOMES),
      durationSec: rng.int(90, 900),
    });
  }
  const chats = rng.weighted([0, 1, 2], [0.65, 0.28, 0.07]);
  for (let i = 0; i < chats && touches.length > 0; i++) {
    const touch = rng.pick(touches);
    const channel: Channel = customer.usesApp && rng.chance(0.5) ? 'app' : 'web';
    const at = touch.at + rng.int(1, 30) * MINUTE;
    if (at > end) continue;
    w.emit('chat', channel, at, ids(channel), {
      productIds: [touch.product.id],
      topics: [rng.pick(CHAT_TOPICS)],
      outcome: rng.chance(0.8) ? 'answered' : 'handed_to_agent',
      durationSec: rng.int(40, 420),
    });
  }

  // Newsletters: opens (and some clicks) while e-mail consent lasted.
  const emailConsent = customer.consent.email || unsubscribed;
  if (emailConsent) {
    for (const campaign of ctx.campaigns) {
      if (campaign.sentAt < firstSeen || campaign.sentAt > unsubscribeAt || !rng.chance(activity.open)) continue;
      const openedAt = campaign.sentAt + rng.int(20, 36 * 60) * MINUTE;
      if (openedAt >= anchor - MINUTE || openedAt > unsubscribeAt) continue;
      w.emit('email_opened', 'email', openedAt, ids('email'), { campaignId: campaign.campaignId });
      if (rng.chance(0.3)) {
        const p = pickProduct();
        w.emit('email_clicked', 'email', openedAt + rng.int(5, 90) * 1000, ids('email'), {
          campaignId: campaign.campaignId,
          url: p.url ?? `${SITE}/p/${p.id}`,
        });
      }
    }
  }

  return w.finish();
}
