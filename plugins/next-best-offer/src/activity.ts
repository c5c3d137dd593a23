import { createPairMemo, type CatalogView, type Offer, type Profile } from '@omnikernel/sdk';

const DAY_MS = 86_400_000;
// One formatter per zone: building one costs tens of microseconds, and they are immutable.
const formatters = new Map<string, Intl.DateTimeFormat>();

// Every zone's offset is a whole number of quarter hours and changes only on a quarter hour, so
// a local date is the same for every instant of a 15-minute UTC slice: one Intl call per zone and
// slice (a format costs microseconds, and an agent's screen asks for several dates per offer).
const SLICE_MS = 900_000;
const days = createPairMemo<string, number, number>(50_000);

function dayOfSlice(timeZone: string, slice: number): number {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formatters.size >= 256) formatters.clear();
    formatters.set(timeZone, f);
  }
  return Date.parse(`${f.format(slice * SLICE_MS)}T00:00:00Z`) / DAY_MS;
}

function dayNumber(ms: number, timeZone: string): number {
  return days.get(timeZone, Math.floor(ms / SLICE_MS), dayOfSlice);
}

/** Calendar days from `at` to `now` on the customer's clock (UTC when the zone is unknown or invalid). */
function calendarDays(at: string, now: number, timeZone: string | null): number {
  try {
    return dayNumber(now, timeZone ?? 'UTC') - dayNumber(Date.parse(at), timeZone ?? 'UTC');
  } catch {
    return dayNumber(now, 'UTC') - dayNumber(Date.parse(at), 'UTC');
  }
}

/** "today", "yesterday", "3 days ago", "2 weeks ago": how an agent says it, in calendar days on the customer's clock. */
export function ago(at: string, now: number, timeZone: string | null = null): string {
  const days = calendarDays(at, now, timeZone);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  return `${Math.floor(days / 30)} months ago`;
}

/** What the customer recently did that makes the offer fit, newest signal first, with the product it names. */
export interface ActivityReasons {
  readonly reasons: string[];
  /** The product to put in the script's `{product}`. */
  readonly product?: string;
}

/**
 * Reasons from recent activity across channels: the abandoned cart, a call or chat about the
 * offer's products or categories, recent views of them. Only activity that touches the offer
 * (its products or categories, or its cart rule) is cited; the cart's priciest line names the product.
 */
export function activityReasons(offer: Offer, profile: Profile, catalog: CatalogView, now: number): ActivityReasons {
  const e = offer.eligibility ?? {};
  const products = new Set(e.productIds ?? []);
  const categories = new Set(e.categories ?? []);
  const concerns = (productId: string) => products.has(productId) || categories.has(catalog.product(productId)?.category ?? '\u0000');
  const reasons: string[] = [];
  let product: string | undefined;

  const cart = profile.abandonedCart;
  if (cart && cart.items.length > 0 && (e.requiresAbandonedCart || cart.items.some((i) => concerns(i.productId)))) {
    const top = [...cart.items].sort((a, b) => b.price * b.quantity - a.price * a.quantity || (a.productId < b.productId ? -1 : 1))[0]!;
    const name = catalog.product(top.productId)?.name;
    if (name) {
      const more = cart.items.length > 1 ? ` and ${cart.items.length - 1} more` : '';
      reasons.push(`Left ${article(name)} ${name}${more} in the cart ${ago(cart.abandonedAt, now, profile.timezone)}`);
      product = name;
    }
  }
  const talk = profile.conversations.find((c) => c.productIds.some(concerns));
  if (talk) {
    const name = catalog.product(talk.productIds.find(concerns)!)?.name;
    if (name) {
      reasons.push(`${talk.type === 'call' ? 'Called' : 'Chatted'} about the ${name} ${ago(talk.at, now, profile.timezone)}`);
      product ??= name;
    }
  }
  const view = profile.recentlyViewed.find((v) => concerns(v.productId));
  if (view) {
    const name = catalog.product(view.productId)?.name;
    if (name) {
      reasons.push(`Looked at the ${name} ${ago(view.at, now, profile.timezone)}`);
      product ??= name;
    }
  }
  if (!product) {
    const first = profile.abandonedCart?.items[0] ?? profile.recentlyViewed[0];
    const named = first ? catalog.product(first.productId)?.name : (e.productIds ?? []).map((id) => catalog.product(id)?.name).find(Boolean);
    if (named) product = named;
  }
  return product ? { reasons, product } : { reasons };
}

function article(name: string): string {
  return /^[aeiou]/i.test(name) ? 'an' : 'a';
}
