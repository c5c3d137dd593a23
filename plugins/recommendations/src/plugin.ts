import { definePlugin } from '@omnikernel/sdk';
import { decideRecommendations } from './decide.ts';
import { observeRecommendations, observeRecommendationsBatch } from './observe.ts';
import { recommendationsOptionsSchema } from './options.ts';
import { buildSnapshot, type RecommendationsSnapshot } from './snapshot.ts';

/**
 * Product recommendations: repeat purchases, item-to-item co-occurrence learned from every
 * channel's purchases, views and conversations, category affinity, local popularity.
 *
 * @example
 * // omnikernel.config.json
 * { "plugins": [{ "plugin": "recommendations", "options": { "repeatPurchases": "boost" } }] }
 */
export const recommendationsPlugin = definePlugin<typeof recommendationsOptionsSchema, RecommendationsSnapshot>({
  name: 'recommendations',
  version: '1.0.0',
  apiVersion: 1,
  stage: 'propose',
  description: 'Repeat purchases, "often bought with" from every channel, category affinity and local popularity.',
  options: recommendationsOptionsSchema,
  timeoutMs: 50,
  observe: observeRecommendations,
  observeBatch: observeRecommendationsBatch,
  snapshot: { build: buildSnapshot, refreshEveryMs: 60_000, refreshAfterChanges: 1_000 },
  decide: decideRecommendations,
});
