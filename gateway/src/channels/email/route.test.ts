import { describe, expect, it } from 'vitest';
import type { CustomerStore } from '@omnikernel/store';
import { ANA } from '../testing/test-data.ts';
import { createTestGateway, TEST_KEY_NO_SCOPE, type TestGateway } from '../testing/test-gateway.ts';
import { testEmailContentPlugin, testOffersPlugin } from '../testing/test-plugins.ts';
import type { EncodedEmail } from './encoded-envelope.ts';
import type { EmailEnvelope } from './envelope-types.ts';

const BASE = 'https://omnikernel.example.com';
const get = (gw: TestGateway, query: string, headers: Record<string, string> = gw.auth) => gw.app.request(`${BASE}/v1/channels/email/content?${query}`, { headers });

async function envelope(gw: TestGateway, query: string): Promise<EmailEnvelope> {
  const res = await get(gw, `${query}&format=json`);
  expect(res.status).toBe(200);
  return (await res.json()) as EmailEnvelope;
}

describe('GET /v1/channels/email/content', () => {
  it('renders a hero for the next best offer and a grid of the top 4 recommendations when no plugin composed content', async () => {
    const gw = await createTestGateway();
    const body = await envelope(gw, `email=${ANA.email}`);
    expect(body).toMatchObject({ fallback: false, decisionId: expect.stringMatching(/.+/), customerId: expect.stringMatching(/.+/) });
    expect(body.blocks.map((b) => b.kind)).toEqual(['hero', 'grid']);
    const grid = body.blocks[1]!.data as { items: { productId: string; priceFormatted: string; imageUrl: string | null; url: string | null }[] };
    expect(grid.items.map((i) => i.productId)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(grid.items.map((i) => i.priceFormatted)).toEqual(['€29.99', '€7.49', '£12.00', '€45.00']);
    expect(grid.items[0]).toMatchObject({ imageUrl: `${BASE}/img/kettle.jpg`, url: `${BASE}/p/kettle?ok_decision=${body.decisionId}&ok_product=p1&ok_channel=email` });
    expect(grid.items[1]?.url).toBe(`https://shop.example.com/p/mug?ref=x&ok_decision=${body.decisionId}&ok_product=p2&ok_channel=email`);
    expect(grid.items[2]?.url).toBeNull(); // javascript: is never a link
    expect(body.html).toContain('Tea &amp; &lt;Biscuits&gt;');
    expect(body.html).not.toContain('<Biscuits>');
    expect(body.html).toContain(`href="${BASE}/offers/basket?ok_decision=${body.decisionId}&amp;ok_offer=o-cart&amp;ok_channel=email"`);
    expect(body.text).toContain('10 % off your basket');
    expect(body.text).toContain('- Kettle: €29.99');
  });

  it('serves the same decision as the web and the screen pop, and records nothing', async () => {
    const gw = await createTestGateway();
    const pop = (await (await gw.app.request(`/v1/channels/contact-center/screen-pop?phone=${encodeURIComponent(ANA.phone)}`, { headers: gw.auth })).json()) as { decisionId: string; customer: { customerId: string } };
    const before = await gw.deps.store.getProfile(pop.customer.customerId);
    const first = await envelope(gw, `email=${ANA.email}`);
    const second = await envelope(gw, `email=${ANA.email}`);
    expect(first.decisionId).toBe(pop.decisionId);
    expect(second).toEqual(first);
    expect((await gw.deps.store.getProfile(pop.customer.customerId))?.version).toBe(before?.version);
    expect(await gw.deps.store.contactHistory(pop.customer.customerId)).toEqual([]);
    // Rendered once per decision: the envelope is kept on the current decision, not rebuilt.
    const current = await gw.deps.decisions.current({ email: ANA.email }, { channel: 'email' });
    const held = current.current.keep<EncodedEmail | null>(`email:en:${BASE}`, () => null);
    // …as the bytes of the formats asked for, each encoded once.
    expect(held?.bytes('json')).toBe(held?.bytes('json'));
    expect(new TextDecoder().decode(held?.bytes('json'))).toBe(JSON.stringify(first));
  });

  it('uses the blocks an email-content plugin composed when there are some', async () => {
    const gw = await createTestGateway({ plugins: [testOffersPlugin, testEmailContentPlugin] });
    const body = await envelope(gw, `email=${ANA.email}`);
    expect(body.blocks.map((b) => b.id)).toEqual(['plugin-hero']);
    expect(body.html).toBe('<h1>From the plugin: 10 % off your basket</h1>');
  });

  it('serves html and text on their own', async () => {
    const gw = await createTestGateway();
    const html = await get(gw, `email=${ANA.email}&format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('x-omnikernel-fallback')).toBe('false');
    expect(await html.text()).toMatch(/^<table role="presentation"/);
    const text = await get(gw, `email=${ANA.email}&format=text`);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(await text.text()).toMatch(/^10 % off your basket/);
  });

  it('answers unknown recipients and empty merge tags with fallback content from the default offer, status 200', async () => {
    const gw = await createTestGateway();
    for (const [query, reason] of [['email=nobody%40example.com', 'unknown-customer'], ['email=', 'no-identifier'], ['', 'no-identifier']] as const) {
      const body = await envelope(gw, query);
      expect(body).toMatchObject({ fallback: true, reason, decisionId: null, customerId: null });
      expect(body.blocks[0]).toMatchObject({ kind: 'hero', data: { offerId: 'o-default', url: `${BASE}/welcome?ok_offer=o-default&ok_channel=email` } });
    }
    const html = await get(gw, 'email=nobody%40example.com&format=html');
    expect(html.status).toBe(200);
    expect(html.headers.get('x-omnikernel-fallback')).toBe('true');
    expect(await html.text()).toContain('Welcome to Omni Home');
  });

  it('answers a store failure with fallback content, and a static block when there is no default offer', async () => {
    const broken = (store: CustomerStore): CustomerStore => ({ ...store, resolve: async () => { throw new Error('connection refused'); } });
    const gw = await createTestGateway({ wrapStore: broken });
    expect(await envelope(gw, `email=${ANA.email}`)).toMatchObject({ fallback: true, reason: 'error', blocks: [{ data: { offerId: 'o-default' } }] });
    const bare = await createTestGateway({ wrapStore: (s) => ({ ...broken(s), catalog: () => { throw new Error('no catalog'); } }) });
    const body = await envelope(bare, `email=${ANA.email}`);
    expect(body).toMatchObject({ fallback: true, reason: 'error', blocks: [{ id: 'static-fallback', kind: 'text' }] });
    expect(body.text).toMatch(/what is new/);
  });

  it('needs an API key with decisions:read', async () => {
    const gw = await createTestGateway();
    expect((await get(gw, `email=${ANA.email}`, {})).status).toBe(401);
    expect((await get(gw, `email=${ANA.email}`, { authorization: `Bearer ${TEST_KEY_NO_SCOPE}` })).status).toBe(403);
  });
});
