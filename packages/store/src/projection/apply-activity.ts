import type { ConversationRecord } from '@omnikernel/sdk';
import { addAffinity } from './affinity.ts';
import { addCategories } from './apply-commerce.ts';
import { categoryOf, str, strings } from './draft.ts';
import type { Draft, Step } from './draft.ts';
import { insertByTime } from './lists.ts';
import { AFFINITY_WEIGHTS, LIMITS, VISIT_GAP_MS } from './limits.ts';
import { compareTime, ms } from './time.ts';

/** A page view opens a visit on its channel unless one was opened within 30 minutes of it. */
export const applyPageView: Step = (d, e, at) => {
  sessionVisit(d, e.channel, at);
  return false;
};

/**
 * A product view: newest first and de-duplicated in `recentlyViewed`, weight 1 to its category
 * (from the catalog, else the event's `category`), and session activity like a page view.
 * Views are never material: the decision must not flicker while a customer browses.
 */
export const applyProductView: Step = (d, e, at, ctx) => {
  sessionVisit(d, e.channel, at);
  const productId = str(e.properties, 'productId');
  if (productId === undefined) return false;
  const seen = d.recentlyViewed.find((v) => v.productId === productId);
  if (seen === undefined || compareTime(seen.at, at) < 0) {
    const others = d.recentlyViewed.filter((v) => v.productId !== productId);
    d.recentlyViewed = insertByTime(others, { productId, at, channel: e.channel }, LIMITS.recentlyViewed);
  }
  const category = categoryOf(ctx, productId) ?? str(e.properties, 'category');
  if (category !== undefined) d.categoryAffinity = addAffinity(d.categoryAffinity, category, AFFINITY_WEIGHTS.view, at);
  return false;
};

/** A store visit is a visit, always (the place is handled by `applyStorePlace`). */
export const applyStoreVisitRecord: Step = (d, e, at) => {
  const storeId = str(e.properties, 'storeId');
  d.visits = insertByTime(d.visits, { at, channel: e.channel, ...(storeId === undefined ? {} : { storeId }) }, LIMITS.visits);
  return false;
};

/**
 * A call or chat: a visit and a conversation with the products and topics discussed; weight 2
 * to the products' categories. Material when products were discussed (the next best offer may change).
 */
export const applyConversation: Step = (d, e, at, ctx) => {
  const productIds = strings(e.properties, 'productIds');
  const outcome = str(e.properties, 'outcome');
  const record: ConversationRecord = {
    type: e.type === 'chat' ? 'chat' : 'call',
    at,
    channel: e.channel,
    productIds,
    topics: strings(e.properties, 'topics'),
    ...(outcome === undefined ? {} : { outcome }),
  };
  d.conversations = insertByTime(d.conversations, record, LIMITS.conversations);
  d.visits = insertByTime(d.visits, { at, channel: e.channel }, LIMITS.visits);
  addCategories(d, ctx, productIds.map((productId) => ({ productId })), AFFINITY_WEIGHTS.conversation, at);
  return productIds.length > 0;
};

export const applyEmailOpened: Step = (d) => {
  d.emailOpens += 1;
  return false;
};

export const applyEmailClicked: Step = (d) => {
  d.emailClicks += 1;
  return false;
};

/** Adds a visit unless one on this channel lies within 30 minutes either side of `at`. */
function sessionVisit(d: Draft, channel: string, at: string): void {
  const t = ms(at);
  const from = new Date(t - VISIT_GAP_MS).toISOString();
  const to = new Date(t + VISIT_GAP_MS).toISOString();
  for (const v of d.visits) {
    if (compareTime(v.at, from) <= 0) break; // newest first: the rest are older still
    if (v.channel === channel && compareTime(v.at, to) < 0) return;
  }
  d.visits = insertByTime(d.visits, { at, channel }, LIMITS.visits);
}
