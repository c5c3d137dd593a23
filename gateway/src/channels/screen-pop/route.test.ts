import { describe, expect, it } from 'vitest';
import { ANA, BEN, TEST_NOW } from '../testing/test-data.ts';
import { createTestGateway, TEST_KEY_NO_SCOPE, type TestGateway } from '../testing/test-gateway.ts';
import type { ScreenPopView } from './view-types.ts';

const get = (gw: TestGateway, query: string, headers: Record<string, string> = gw.auth) => gw.app.request(`/v1/channels/contact-center/screen-pop?${query}`, { headers });

async function json<T = ScreenPopView>(gw: TestGateway, query: string): Promise<T> {
  const res = await get(gw, query);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('GET /v1/channels/contact-center/screen-pop', () => {
  it('shows who is calling, their activity across channels, consent, and the current decision', async () => {
    const gw = await createTestGateway();
    const view = await json(gw, `phone=${encodeURIComponent(ANA.phone)}`);
    expect(view.status).toBe('known');
    expect(view.customer).toMatchObject({ name: 'Ana García', firstName: 'Ana', crmId: 'CRM-001', loyaltyId: 'LOY-42', identifiers: { email: [ANA.email], phone: [ANA.phone] } });
    expect(view.lead).toEqual({ score: 72, band: 'warm' });
    expect(view.consent).toMatchObject({ marketing: true, sms: false });
    const activity = view.activity!;
    // 40 days ago is out of the window; a store visit, a purchase visit or not, a call, web and app sessions are in.
    expect(activity.visitsLast30Days.byChannel).toMatchObject({ web: expect.any(Number), app: 1, contact_center: 1 });
    expect(activity.visitsLast30Days.byChannel.store).toBeGreaterThanOrEqual(1);
    expect(activity.recentlyViewed.map((v) => v.name)).toEqual(['Kettle', 'Mug']);
    expect(activity.abandonedCart?.items).toEqual([
      { productId: 'p1', name: 'Kettle', quantity: 1, price: 29.99, currency: 'EUR', priceFormatted: '€29.99' },
      { productId: 'p4', name: 'Teapot', quantity: 2, price: 45, currency: 'EUR', priceFormatted: '€45.00' },
    ]);
    expect(activity.lastPurchases[0]).toMatchObject({ channel: 'store', storeId: 's1', storeName: 'Madrid Centro', online: false, totalFormatted: '€14.98', items: [{ productId: 'p2', name: 'Mug', quantity: 2 }] });
    expect(activity.lastConversations[0]).toMatchObject({ type: 'call', topics: ['delivery'], outcome: 'resolved' });
    expect(view.nextBestOffer).toMatchObject({ offerId: 'o-cart', script: 'Hello Ana, your basket is still waiting: take 10 % off today.', reasons: ['Left items in the basket', 'Prefers delivery'] });
    expect(view.recommendations[0]).toMatchObject({ productId: 'p1', priceFormatted: '€29.99' });
    expect(view.recommendations.find((r) => r.productId === 'p2')?.repeat).toBe(true);
  });

  it('renders the same decision the web and Amazon Connect get: id, offers, order, prices', async () => {
    const gw = await createTestGateway();
    const pop = await json(gw, `crmId=${ANA.crmId}`);
    const web = (await (await gw.app.request('/v1/decisions', { method: 'POST', headers: { ...gw.auth, 'content-type': 'application/json' }, body: JSON.stringify({ identifiers: { email: ANA.email }, channel: 'web' }) })).json()) as {
      decision: { decisionId: string; offers: { offerId: string }[]; recommendations: { productId: string; price: number }[] };
    };
    expect(pop.decisionId).toBe(web.decision.decisionId);
    expect(pop.offers.map((o) => o.offerId)).toEqual(web.decision.offers.map((o) => o.offerId));
    expect(pop.recommendations.map((r) => [r.productId, r.price])).toEqual(web.decision.recommendations.map((r) => [r.productId, r.price]));
    const flat = await json<Record<string, unknown>>(gw, `email=${ANA.email}&format=flat`);
    expect(flat.decisionId).toBe(pop.decisionId);
  });

  it('accepts tel: and sip: URIs, national numbers, and a + that arrived unencoded', async () => {
    const gw = await createTestGateway();
    for (const phone of [encodeURIComponent(`tel:${ANA.phone}`), encodeURIComponent(`sip:${ANA.phone}@pbx.example.com;user=phone`), '+34600123456', 'tel:+34600123456']) {
      expect((await json(gw, `phone=${phone}`)).status, phone).toBe('known');
    }
    expect((await json(gw, 'phone=07911%20123456')).customer?.firstName).toBe('Ben');
  });

  it('answers an unknown or withheld caller with status unknown and the default offer, in every format', async () => {
    const gw = await createTestGateway();
    for (const query of ['phone=anonymous', 'phone=', 'phone=%2B15550000000', 'email=nobody%40example.com', '']) {
      const view = await json(gw, query);
      expect(view).toMatchObject({ status: 'unknown', customer: null, activity: null, nextBestOffer: { offerId: 'o-default' } });
    }
    const flat = await json<Record<string, unknown>>(gw, 'phone=withheld&format=flat');
    expect(flat).toMatchObject({ status: 'unknown', nboId: 'o-default', customerId: '' });
    const html = await get(gw, 'phone=withheld&format=html');
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Unknown caller');
  });

  it('shows the default offer as status fallback when the store fails, rather than an error', async () => {
    const gw = await createTestGateway({ wrapStore: (store) => ({ ...store, resolve: async () => { throw new Error('redis down'); } }) });
    expect(await json(gw, `phone=${encodeURIComponent(ANA.phone)}`)).toMatchObject({ status: 'fallback', customer: null, nextBestOffer: { offerId: 'o-default' } });
    const html = await get(gw, `phone=${encodeURIComponent(ANA.phone)}&format=html`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Customer details unavailable');
  });

  it('flat has top-level strings and string arrays only', async () => {
    const gw = await createTestGateway();
    const flat = await json<Record<string, unknown>>(gw, `phone=${encodeURIComponent(ANA.phone)}&format=flat`);
    for (const [key, value] of Object.entries(flat)) {
      expect(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')), key).toBe(true);
    }
    expect(flat).toMatchObject({ status: 'known', name: 'Ana García', crmId: 'CRM-001', leadScore: '72', nboId: 'o-cart', consentGranted: ['marketing', 'email'], consentDenied: ['sms'] });
    expect(flat.recommendationIds).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(flat.recommendationPrices).toEqual(['€29.99', '€7.49', '£12.00', '€45.00', '€59.50']);
    expect(flat.abandonedCartItems).toEqual(['1 × Kettle (€29.99)', '2 × Teapot (€45.00)']);
  });

  it('html is a self-contained page with every value escaped', async () => {
    const gw = await createTestGateway();
    await gw.deps.store.ingest([{ id: 'evil', type: 'identify', channel: 'web', occurredAt: new Date(TEST_NOW - 1000).toISOString(), identifiers: { email: BEN.email }, properties: { traits: { firstName: '<script>alert(1)</script>', lastName: '"onload="x' } } }]);
    const res = await get(gw, `email=${BEN.email}&format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;onload=&quot;x');
    expect(page).toContain('Tea &amp; &lt;Biscuits&gt;');
    expect(page).not.toMatch(/<(link|img|script|iframe)\b|src=|url\(/i);
  });

  it('needs an identifier-free or valid query and an API key with decisions:read', async () => {
    const gw = await createTestGateway();
    expect((await get(gw, `phone=${ANA.phone}`, {})).status).toBe(401);
    expect((await get(gw, `phone=${ANA.phone}`, { authorization: `Bearer ${TEST_KEY_NO_SCOPE}` })).status).toBe(403);
    const bad = await get(gw, 'format=pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('query.format');
  });
});
