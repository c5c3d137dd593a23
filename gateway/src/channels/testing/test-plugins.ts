import { definePlugin } from '@omnikernel/sdk';

/**
 * A small stand-in for the built-in plugins, so channel tests do not depend on them: known
 * customers get the cart offer (with a filled-in agent script) and free delivery, every catalog
 * product as a recommendation in catalog order, and a lead score. Unknown callers get nothing from
 * it, so the kernel serves the catalog's default offer.
 */
export const testOffersPlugin = definePlugin({
  name: 'test-offers',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  decide: ({ profile, catalog }) => {
    if (profile.customerId === 'anonymous') return {};
    const firstName = typeof profile.traits.firstName === 'string' ? profile.traits.firstName : 'there';
    const bought = new Set(profile.purchases.flatMap((p) => p.items.map((i) => i.productId)));
    const products = [...catalog.products()];
    return {
      offers: [
        { offerId: 'o-cart', score: 0.9, reasons: ['Left items in the basket', 'Prefers delivery'], script: `Hello ${firstName}, your basket is still waiting: take 10 % off today.` },
        { offerId: 'o-all', score: 0.5, reasons: ['Every customer'] },
      ],
      items: products.map((p, i) => ({ productId: p.id, score: Math.max(0.01, 0.99 - i * 0.001), reasons: ['Popular with customers like you'], repeat: bought.has(p.id) })),
      insights: { leadScore: 72, leadBand: 'warm' },
    };
  },
});

/** A compose plugin standing in for email-content: one ready-made block. */
export const testEmailContentPlugin = definePlugin({
  name: 'test-email-content',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'compose',
  decide: ({ decision }) => ({
    content: [{ id: 'plugin-hero', kind: 'hero', html: `<h1>From the plugin: ${decision?.nextBestOffer?.title ?? 'nothing'}</h1>`, text: 'From the plugin', data: {} }],
  }),
});
