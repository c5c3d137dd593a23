import { createEmptyProfile } from '@omnikernel/sdk';
import type { CustomerEvent, Profile, PurchaseRecord } from '@omnikernel/sdk';
import { createMemoryPluginState, fixtureCatalog } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { observeRecommendations } from './observe.ts';
import { recommendationsOptionsSchema } from './options.ts';

const options = recommendationsOptionsSchema.parse({});
const catalog = fixtureCatalog();
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const at = '2026-03-18T10:00:00.000Z';

const purchase = (orderId: string, productIds: string[], when = at, storeId?: string): PurchaseRecord => ({
  orderId, at: when, channel: storeId ? 'store' : 'web', online: !storeId, total: 1, items: productIds.map((productId) => ({ productId, quantity: 1, price: 1 })), ...(storeId ? { storeId } : {}),
});
const purchaseEvent = (id: string, record: PurchaseRecord): CustomerEvent => ({
  id, type: 'purchase', channel: record.channel, occurredAt: record.at, identifiers: { customerId: 'c' }, properties: { orderId: record.orderId },
});
const profileWith = (patch: Partial<Profile>): Profile => ({ ...createEmptyProfile('c', at), country: 'ES', ...patch });

async function observe(state: ReturnType<typeof createMemoryPluginState>, event: CustomerEvent, profile: Profile) {
  await observeRecommendations({ kind: 'event', event, customerId: profile.customerId, profile }, { state, catalog, options, logger });
}

describe('observe', () => {
  it('counts products bought together, pair by pair, over two baskets', async () => {
    const state = createMemoryPluginState();
    const a = purchase('o-1', ['p-kettle', 'p-mugs', 'p-beans']);
    const b = purchase('o-2', ['p-kettle', 'p-mugs']);
    await observe(state, purchaseEvent('e-1', a), profileWith({ purchases: [a] }));
    await observe(state, purchaseEvent('e-2', b), { ...profileWith({ purchases: [b] }), customerId: 'd' });
    // kettle–mugs appear together twice, kettle–beans once.
    expect(await state.hgetall('co:p-kettle')).toEqual({ 'p-mugs': 2, 'p-beans': 1 });
    expect(await state.hgetall('co:p-beans')).toEqual({ 'p-kettle': 1, 'p-mugs': 1 });
    expect(await state.hgetall('occ')).toEqual({ 'p-kettle': 2, 'p-mugs': 2, 'p-beans': 1 });
    expect(await state.get('meta:observed')).toBe('2');
  });

  it('counts a buyer once a week per product, overall, per country and per store', async () => {
    const state = createMemoryPluginState();
    const first = purchase('o-1', ['p-beans'], '2026-03-16T10:00:00.000Z', 's-madrid');
    const again = purchase('o-2', ['p-beans', 'p-kettle'], '2026-03-17T10:00:00.000Z', 's-madrid');
    await observe(state, purchaseEvent('e-1', first), profileWith({ purchases: [first] }));
    await observe(state, purchaseEvent('e-2', again), profileWith({ purchases: [again, first] }));
    const week = Math.floor(Date.parse('2026-03-16T10:00:00.000Z') / (7 * 86_400_000));
    expect(await state.ztop(`pop:w${week}:all`, 10)).toEqual([
      { member: 'p-kettle', score: 1 },
      { member: 'p-beans', score: 1 },
    ]);
    expect((await state.ztop(`pop:w${week}:country:ES`, 10)).length).toBe(2);
    expect((await state.ztop(`pop:w${week}:store:s-madrid`, 10)).length).toBe(2);
  });

  it('reads past newer orders to the week of a late purchase, and stops at an older week', async () => {
    const state = createMemoryPluginState();
    const newer = purchase('o-new', ['p-beans', 'p-kettle'], '2026-03-24T10:00:00.000Z'); // the week after
    const late = purchase('o-late', ['p-beans', 'p-mugs'], '2026-03-18T10:00:00.000Z');
    const before = purchase('o-before', ['p-mugs'], '2026-03-16T09:00:00.000Z'); // earlier that week
    const old = purchase('o-old', ['p-beans'], '2026-03-02T10:00:00.000Z'); // an earlier week: counts for nothing here
    await observe(state, purchaseEvent('e-late', late), profileWith({ purchases: [newer, late, before, old] }));
    const week = Math.floor(Date.parse('2026-03-18T10:00:00.000Z') / (7 * 86_400_000));
    // p-mugs was bought earlier that week: not a new buyer; p-beans is (the other order is in another week).
    expect(await state.ztop(`pop:w${week}:all`, 10)).toEqual([{ member: 'p-beans', score: 1 }]);
  });

  it('forgets weeks that fell out of the window when a new week starts', async () => {
    const state = createMemoryPluginState();
    const old = purchase('o-1', ['p-beans'], '2025-12-01T10:00:00.000Z'); // 15 weeks earlier
    const now = purchase('o-2', ['p-kettle'], '2026-03-18T10:00:00.000Z');
    await observe(state, purchaseEvent('e-1', old), profileWith({ purchases: [old] }));
    expect((await state.keys('pop:w')).length).toBe(2);
    await observe(state, purchaseEvent('e-2', now), { ...profileWith({ purchases: [now] }), customerId: 'd' });
    expect((await state.keys('pop:w')).every((k) => !k.includes(String(Math.floor(Date.parse(old.at) / (7 * 86_400_000)))))).toBe(true);
    // A late event for a forgotten week is ignored.
    await observe(state, purchaseEvent('e-3', old), { ...profileWith({ purchases: [old] }), customerId: 'e' });
    expect((await state.keys('pop:w')).length).toBe(2);
  });

  it('pairs a view with the newest other views, both ways, at the view weight', async () => {
    const state = createMemoryPluginState();
    const profile = profileWith({ recentlyViewed: [{ productId: 'p-grinder', at, channel: 'web' }, { productId: 'p-espresso', at, channel: 'web' }] });
    await observe(state, { id: 'v', type: 'product_viewed', channel: 'web', occurredAt: at, identifiers: { customerId: 'c' }, properties: { productId: 'p-grinder' } }, profile);
    expect(await state.hgetall('co:p-grinder')).toEqual({ 'p-espresso': 0.3 });
    expect(await state.hgetall('co:p-espresso')).toEqual({ 'p-grinder': 0.3 });
  });

  it('pairs products discussed in a call with each other and with recent views', async () => {
    const state = createMemoryPluginState();
    const profile = profileWith({ recentlyViewed: [{ productId: 'p-grinder', at, channel: 'web' }] });
    const call: CustomerEvent = { id: 'k', type: 'call', channel: 'contact_center', occurredAt: at, identifiers: { phone: '+34600111222' }, properties: { productIds: ['p-espresso', 'p-milk-jug'] } };
    await observe(state, call, profile);
    expect(await state.hgetall('co:p-espresso')).toEqual({ 'p-milk-jug': 0.5, 'p-grinder': 0.5 });
    expect(await state.hgetall('co:p-grinder')).toEqual({ 'p-espresso': 0.5, 'p-milk-jug': 0.5 });
  });

  it('ignores outcomes, other events and events without products', async () => {
    const state = createMemoryPluginState();
    const profile = profileWith({});
    await observe(state, { id: 'x', type: 'page_viewed', channel: 'web', occurredAt: at, identifiers: { customerId: 'c' }, properties: {} }, profile);
    await observe(state, { id: 'y', type: 'product_viewed', channel: 'web', occurredAt: at, identifiers: { customerId: 'c' }, properties: { productId: 42 } }, profile);
    await observe(state, purchaseEvent('z', purchase('o-9', [])), profile);
    await observeRecommendations({ kind: 'outcome', outcome: { id: 'o', type: 'clicked', decisionId: 'd', channel: 'web', occurredAt: at, productId: 'p-kettle' }, customerId: 'c' }, { state, catalog, options, logger });
    expect(await state.keys('')).toEqual([]);
  });
});
