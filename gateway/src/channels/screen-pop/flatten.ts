import type { ScreenPopView } from './view-types.ts';

/** `format=flat`: top-level strings and arrays of strings only. */
export type FlatScreenPop = Record<string, string | string[]>;

/**
 * The screen pop for tools that map response fields one by one (Genesys Cloud data actions,
 * Twilio Studio's HTTP widget): no nesting, no numbers or booleans, every key always present.
 * Lists of records become parallel arrays (`recommendationIds[i]` goes with `recommendationNames[i]`)
 * plus one readable line per record.
 */
export function flattenScreenPop(view: ScreenPopView): FlatScreenPop {
  const c = view.customer;
  const a = view.activity;
  const nbo = view.nextBestOffer;
  const consent = Object.entries(view.consent);
  const recs = view.recommendations;
  return {
    status: view.status,
    decisionId: view.decisionId,
    validUntil: view.validUntil,
    degraded: view.degraded.length > 0 ? 'true' : 'false',
    customerId: c?.customerId ?? '',
    name: c?.name ?? '',
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    crmId: c?.crmId ?? '',
    loyaltyId: c?.loyaltyId ?? '',
    email: c?.identifiers.email?.[0] ?? '',
    phone: c?.identifiers.phone?.[0] ?? '',
    emails: [...(c?.identifiers.email ?? [])],
    phones: [...(c?.identifiers.phone ?? [])],
    segments: [...(c?.segments ?? [])],
    lifetimeValue: c ? String(c.lifetimeValue) : '',
    leadScore: view.lead.score === null ? '' : String(view.lead.score),
    leadBand: view.lead.band ?? '',
    consentGranted: consent.filter(([, granted]) => granted).map(([purpose]) => purpose),
    consentDenied: consent.filter(([, granted]) => !granted).map(([purpose]) => purpose),
    visitsLast30Days: a ? String(a.visitsLast30Days.total) : '0',
    visitsByChannel: Object.entries(a?.visitsLast30Days.byChannel ?? {}).map(([channel, n]) => `${channel}: ${n}`),
    viewedProducts: (a?.recentlyViewed ?? []).map((v) => v.name),
    abandonedCartAt: a?.abandonedCart?.abandonedAt ?? '',
    abandonedCartItems: (a?.abandonedCart?.items ?? []).map((i) => `${i.quantity ?? 1} × ${i.name}${i.priceFormatted ? ` (${i.priceFormatted})` : ''}`),
    lastPurchases: (a?.lastPurchases ?? []).map(
      (p) => `${p.at.slice(0, 10)} ${p.storeName ?? p.channel}: ${p.items.map((i) => i.name).join(', ')} (${p.totalFormatted})`,
    ),
    nboId: nbo?.offerId ?? '',
    nboTitle: nbo?.title ?? '',
    nboScript: nbo?.script ?? '',
    nboReasons: [...(nbo?.reasons ?? [])],
    offerIds: view.offers.map((o) => o.offerId),
    offerTitles: view.offers.map((o) => o.title),
    recommendationIds: recs.map((r) => r.productId),
    recommendationNames: recs.map((r) => r.name),
    recommendationPrices: recs.map((r) => r.priceFormatted),
    recommendations: recs.map((r) => `${r.name} (${r.priceFormatted})`),
  };
}
