import type { ConversationRecord } from '@omnikernel/sdk';
import { addAffinityInto } from './affinity.ts';
import { addCategories } from './apply-commerce.ts';
import { categoryOf, str, strings } from './draft.ts';
import type { Change, Draft, Step } from './draft.ts';
import { insertInto } from './lists.ts';
import { AFFINITY_WEIGHTS, LIMITS, VISIT_GAP_MS } from './limits.ts';
import { compareTime, ms } from './time.ts';

/** A page view opens a visit on its channel unless one was opened within 30 minutes of it. */
export const applyPageView: Step = (d, c) => {
  sessionVisit(d, c);
  return false;
};

/**
 * A product view: newest first and de-duplicated in `recentlyViewed`, weight 1 to its category
 * (from the catalog, else the event's `category`), and session activity like a page view.
 * Views are never material: the decision must not flicker while a customer browses.
 */
export const applyProductView: Step = (d, c) => {
  sessionVisit(d, c);
  const { event: e, at, own } = c;
  const productId = str(e.properties, 'productId');
  if (productId === undefined) return false;
  const seen = d.recentlyViewed.find((v) => v.productId === productId);
  if (seen === undefined || compareTime(seen.at, at) < 0) {
    const viewed = (d.recentlyViewed = own.list(d.recentlyViewed));
    if (seen !== undefined) for (let i = viewed.length - 1; i >= 0; i--) if (viewed[i]?.productId === productId) viewed.splice(i, 1);
    insertInto(viewed, { productId, at, channel: e.channel }, LIMITS.recentlyViewed);
  }
  const category = categoryOf(c.ctx, productId) ?? str(e.properties, 'category');
  if (category !== undefined) addAffinityInto((d.categoryAffinity = own.record(d.categoryAffinity)), category, AFFINITY_WEIGHTS.view, at, c.atMs);
  return false;
};

/** A store visit is a visit, always (the place is handled by `applyStorePlace`). */
export const applyStoreVisitRecord: Step = (d, { event: e, at, own }) => {
  const storeId = str(e.properties, 'storeId');
  d.visits = own.insert(d.visits, { at, channel: e.channel, ...(storeId === undefined ? {} : { storeId }) }, LIMITS.visits);
  return false;
};

/**
 * A call or chat: a visit and a conversation with the products and topics discussed; weight 2
 * to the products' categories. Material when products were discussed (the next best offer may change).
 */
export const applyConversation: Step = (d, c) => {
  const { event: e, at, own } = c;
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
  d.conversations = own.insert(d.conversations, record, LIMITS.conversations);
  d.visits = own.insert(d.visits, { at, channel: e.channel }, LIMITS.visits);
  addCategories(d, c, productIds.map((productId) => ({ productId })), AFFINITY_WEIGHTS.conversation);
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

/** Adds a visit unless one on this channel lies within 30 minutes either side of the event. */
function sessionVisit(d: Draft, { event, at, atMs, own }: Change): void {
  for (const v of d.visits) {
    const t = ms(v.at);
    if (t <= atMs - VISIT_GAP_MS) break; // newest first: the rest are older still
    if (v.channel === event.channel && t < atMs + VISIT_GAP_MS) return;
  }
  d.visits = own.insert(d.visits, { at, channel: event.channel }, LIMITS.visits);
}
