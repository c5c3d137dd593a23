import type { CatalogView, ContactRecord, DecisionItem, DecisionOffer, Explanation, Offer, Product, Profile } from '@omnikernel/sdk';
import { contactPolicyBlock, type ContactPolicyDefaults } from './contact-policy.ts';
import { isAvailable, offerIneligibility } from './eligibility.ts';
import type { PluginRun } from './run-plugin.ts';

export type ArbitrationEntry = Explanation['arbitration'][number];

export interface ArbitrationInput {
  readonly runs: readonly PluginRun[];
  readonly profile: Profile;
  readonly catalog: CatalogView;
  readonly contactHistory: readonly ContactRecord[];
  readonly now: number;
  readonly maxRecommendations: number;
  readonly maxOffers: number;
  readonly contactPolicy?: ContactPolicyDefaults;
}

export interface Arbitrated {
  readonly offers: DecisionOffer[];
  readonly recommendations: DecisionItem[];
  /** The earliest `validUntil` among kept candidates and contributions (ms), if any. */
  readonly validUntil: number | undefined;
  readonly entries: ArbitrationEntry[];
}

const byScore = <T extends { score: number; id: string }>(a: T, b: T) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The kernel, not the plugins, decides: eligibility (offer rules, stock, contact policies across
 * channels), ranking (propensity × value × weight), deduplication (best score wins, reasons merged),
 * then the cut to the configured sizes. Deterministic: ties break by id.
 */
export function arbitrate(input: ArbitrationInput): Arbitrated {
  const { profile, catalog, now } = input;
  const entries: ArbitrationEntry[] = [];
  const offers = new Map<string, DecisionOffer & { id: string; validUntil?: number }>();
  // Ranked by score, then id; the item is the decision's as it will be served.
  const items = new Map<string, { readonly id: string; readonly score: number; item: DecisionItem }>();
  let validUntil: number | undefined;
  const earliest = (iso: string | undefined) => {
    if (!iso) return;
    const t = Date.parse(iso);
    if (t > now && (validUntil === undefined || t < validUntil)) validUntil = t;
  };

  for (const run of input.runs) {
    if (!run.ok) continue;
    const source = run.plugin.name;
    earliest(run.contribution.validUntil);
    for (const c of run.contribution.offers ?? []) {
      const offer: Offer | undefined = catalog.offer(c.offerId);
      const why = !offer ? 'not in the catalog' : (offerIneligibility(offer, profile, catalog, now) ?? contactPolicyBlock(offer, input.contactHistory, now, input.contactPolicy));
      const value = c.value ?? offer?.value ?? 0;
      const weight = run.plugin.weight * (offer?.weight ?? 1);
      const score = round(c.score * value * weight);
      entries.push(entry('offer', c.offerId, source, c.score, value, weight, score, why));
      if (!offer || why) continue;
      const previous = offers.get(offer.id);
      if (previous && previous.score >= score) {
        offers.set(offer.id, { ...previous, reasons: mergeReasons(previous.reasons, c.reasons) });
        continue;
      }
      const until = [c.validUntil, offer.validUntil].filter(Boolean).map((s) => Date.parse(s as string));
      offers.set(offer.id, {
        id: offer.id,
        offerId: offer.id,
        title: offer.title,
        ...(offer.description ? { description: offer.description } : {}),
        value,
        ...(offer.currency ? { currency: offer.currency } : {}),
        score,
        source,
        reasons: mergeReasons(c.reasons, previous?.reasons ?? []),
        ...(c.script ? { script: c.script } : {}),
        ...(offer.imageUrl ? { imageUrl: offer.imageUrl } : {}),
        ...(offer.url ? { url: offer.url } : {}),
        ...(offer.channels ? { channels: [...offer.channels] } : {}),
        ...(until.length ? { validUntil: Math.min(...until) } : {}),
      });
    }
    for (const c of run.contribution.items ?? []) {
      const product = catalog.product(c.productId);
      const why = !product ? 'not in the catalog' : !isAvailable(product) ? 'out of stock everywhere' : null;
      const score = round(c.score * run.plugin.weight);
      entries.push(entry('item', c.productId, source, c.score, product?.price ?? 0, run.plugin.weight, score, why));
      if (!product || why) continue;
      const previous = items.get(product.id);
      if (previous && previous.score >= score) {
        previous.item = { ...previous.item, reasons: mergeReasons(previous.item.reasons, c.reasons) };
        continue;
      }
      const repeat = c.repeat ?? profile.purchases.some((p) => p.items.some((i) => i.productId === product.id));
      items.set(product.id, { id: product.id, score, item: itemOf(product, score, source, mergeReasons(c.reasons, previous?.item.reasons ?? []), repeat) });
    }
  }

  const rankedOffers = [...offers.values()].sort(byScore).slice(0, input.maxOffers);
  for (const o of rankedOffers) if (o.validUntil !== undefined) earliest(new Date(o.validUntil).toISOString());
  return {
    offers: rankedOffers.map(({ id: _id, validUntil: _v, ...o }) => o),
    recommendations: [...items.values()].sort(byScore).slice(0, input.maxRecommendations).map((ranked) => ranked.item),
    validUntil,
    entries,
  };
}

/** `first` then `second`, each reason once, in the order first seen (what `[...new Set([...first, ...second])]` gives). */
function mergeReasons(first: readonly string[], second: readonly string[]): string[] {
  const out: string[] = [];
  for (const reason of first) if (!out.includes(reason)) out.push(reason);
  for (const reason of second) if (!out.includes(reason)) out.push(reason);
  return out;
}

function entry(kind: 'offer' | 'item', id: string, source: string, propensity: number, value: number, weight: number, score: number, why: string | null): ArbitrationEntry {
  return why ? { kind, id, source, propensity, value, weight, score, kept: false, reason: why } : { kind, id, source, propensity, value, weight, score, kept: true };
}

/** The item as served, its keys in the order the decision's JSON has always had them. */
function itemOf(product: Product, score: number, source: string, reasons: string[], repeat: boolean): DecisionItem {
  const { id: productId, name, category, price, currency, imageUrl, url } = product;
  if (imageUrl && url) return { productId, name, category, price, currency, imageUrl, url, score, source, reasons, repeat };
  if (imageUrl) return { productId, name, category, price, currency, imageUrl, score, source, reasons, repeat };
  if (url) return { productId, name, category, price, currency, url, score, source, reasons, repeat };
  return { productId, name, category, price, currency, score, source, reasons, repeat };
}

/** Scores are rounded so a decision serialises identically on every run and machine. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
