import type { DecisionOffer } from '@omnikernel/sdk';
import type { ChannelDecision } from '@omnikernel/kernel';
import { formatPrice } from '../shared/format-price.ts';
import type { DecisionView, OfferView } from './view-types.ts';

/**
 * The decision's part of the screen pop: the next best offer with its agent script and reasons,
 * the other offers and the recommendations, in the decision's order at the catalog's prices.
 */
export function decisionView(decision: ChannelDecision, locale: string): DecisionView {
  const score = decision.insights.leadScore;
  const band = decision.insights.leadBand;
  return {
    decisionId: decision.decisionId,
    validUntil: decision.validUntil,
    lead: { score: score ?? null, band: band === undefined ? null : String(band) },
    nextBestOffer: decision.nextBestOffer ? offerView(decision.nextBestOffer) : null,
    offers: decision.offers.map(offerView),
    recommendations: decision.recommendations.map((item) => ({
      productId: item.productId,
      name: item.name,
      category: item.category,
      price: item.price,
      currency: item.currency,
      priceFormatted: formatPrice(item.price, item.currency, locale),
      reasons: item.reasons,
      repeat: item.repeat,
    })),
    degraded: decision.degraded.map((d) => d.plugin),
  };
}

function offerView(offer: DecisionOffer): OfferView {
  return {
    offerId: offer.offerId,
    title: offer.title,
    description: offer.description ?? null,
    script: offer.script ?? null,
    reasons: offer.reasons,
    value: offer.value,
    currency: offer.currency ?? null,
    channels: offer.channels ?? null,
  };
}
