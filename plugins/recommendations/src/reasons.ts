import type { CatalogView } from '@omnikernel/sdk';
import type { Candidate, PopularSource } from './candidates.ts';
import type { Interaction } from './history.ts';

const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Up to three sentences a person can read, the strongest evidence first: the customer's own
 * purchases, then what it goes with; for products new to them, their favourite category and
 * where it is popular (when that is what carried it, or nothing else did).
 */
export function reasonsFor(c: Candidate, catalog: CatalogView, topCategory: string | undefined, categoryShare: number): string[] {
  const reasons: string[] = [];
  const related = c.seed ? relatedReason(c.seed, catalog) : undefined;
  const own = c.own ? ownReason(c, catalog) : undefined;
  if (own && c.repeat >= c.related) reasons.push(own);
  if (related) reasons.push(related);
  if (own && c.repeat < c.related) reasons.push(own);
  if (!own) {
    const category = catalog.product(c.productId)?.category;
    if (category !== undefined && category === topCategory && categoryShare > 0) reasons.push(`Because you like ${category}`);
  }
  if (c.popularSource && (reasons.length === 0 || (!own && c.popular > c.related))) reasons.push(popularReason(c.popularSource, catalog));
  return reasons.slice(0, 3);
}

function ownReason(c: Candidate, catalog: CatalogView): string {
  const own = c.own!;
  if (own.count >= 2) return `You buy this regularly (${own.count} times)`;
  const where = own.storeId ? ` in the ${storeName(own.storeId, catalog)} store` : '';
  return `You bought this${where} on ${day(own.lastAt)}`;
}

function relatedReason(seed: Interaction, catalog: CatalogView): string | undefined {
  const name = catalog.product(seed.productId)?.name;
  if (name === undefined) return undefined;
  switch (seed.kind) {
    case 'purchase':
      return `Often bought with the ${name} you bought ${seed.storeId ? `in the ${storeName(seed.storeId, catalog)} store` : 'online'}`;
    case 'view':
      return `Often bought with the ${name} you looked at`;
    case 'cart':
      return `Goes with the ${name} in your cart`;
    case 'abandoned-cart':
      return `Goes with the ${name} you left in your cart`;
    case 'call':
      return `Goes with the ${name} we talked about on the phone`;
    case 'chat':
      return `Goes with the ${name} you asked about in the chat`;
    case 'context':
      return `Goes with the ${name} you are looking at`;
  }
}

function popularReason(source: PopularSource, catalog: CatalogView): string {
  switch (source.kind) {
    case 'store':
      return `Popular at our ${storeName(source.storeId, catalog)} store`;
    case 'country':
      return `Popular in ${regionName(source.country)}`;
    case 'category':
      return `A favourite in ${source.category}`;
    case 'global':
      return 'One of our best sellers';
  }
}

function storeName(storeId: string, catalog: CatalogView): string {
  return catalog.store(storeId)?.name ?? storeId;
}

// Intl.DisplayNames#of costs ~10 µs a call and countries are few: each is named once.
const regionNames = new Map<string, string>();

function regionName(code: string): string {
  let name = regionNames.get(code);
  if (name === undefined) {
    try {
      name = regions.of(code) ?? code;
    } catch {
      name = code; // not an ISO region code
    }
    if (regionNames.size >= 1_000) regionNames.clear();
    regionNames.set(code, name);
  }
  return name;
}

/** `7 Mar 2026`, in UTC: cheap and the same on every server. */
function day(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
