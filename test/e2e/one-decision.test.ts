import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts';
import { E2E_KEYS_ENV, loadFixtureCatalog, E2E_KEY } from '../support/fixture-catalog.ts';
import { call } from '../support/http.ts';

// One decision, every channel: two gateway processes on one real Redis, five channels,
// four identifiers of one customer.
let redis: RedisServer;
let a: GatewayProcess;
let b: GatewayProcess;

const PHONE = '+34612000111';
const ids = { deviceId: 'dev-one-1', email: 'one.decision@example.com', phone: PHONE, customerId: 'cust-one-decision' };

beforeAll(async () => {
  redis = await startRedisServer();
  const env = { REDIS_URL: redis.url, OMNIKERNEL_API_KEYS: E2E_KEYS_ENV, OMNIKERNEL_SIGNING_SECRET: 'e2e-signing-secret-0123456789abcdef', OMNIKERNEL_DEFAULT_REGION: 'ES' };
  [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  await loadFixtureCatalog(a.url, E2E_KEY);
  const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const events = [
    { id: 'one-1', type: 'identify', channel: 'web', occurredAt: at(300), identifiers: ids, properties: { traits: { firstName: 'Olga', lastName: 'Ruiz' } } },
    { id: 'one-2', type: 'consent_updated', channel: 'web', occurredAt: at(299), identifiers: { customerId: ids.customerId }, properties: { consent: { marketing: true, email: true, personalization: true } } },
    { id: 'one-3', type: 'product_viewed', channel: 'web', occurredAt: at(200), identifiers: { deviceId: ids.deviceId }, properties: { productId: 'espresso' } },
    { id: 'one-4', type: 'cart_updated', channel: 'web', occurredAt: at(190), identifiers: { deviceId: ids.deviceId }, properties: { items: [{ productId: 'espresso', quantity: 1, price: 349 }] } },
    { id: 'one-5', type: 'cart_abandoned', channel: 'web', occurredAt: at(120), identifiers: { deviceId: ids.deviceId }, properties: { items: [{ productId: 'espresso', quantity: 1, price: 349 }] } },
    { id: 'one-6', type: 'purchase', channel: 'store', occurredAt: at(250), identifiers: { phone: PHONE }, properties: { orderId: 'pos-1', storeId: 'madrid', items: [{ productId: 'kettle', quantity: 1, price: 39.99 }] } },
    { id: 'one-7', type: 'call', channel: 'contact_center', occurredAt: at(90), identifiers: { phone: PHONE }, properties: { productIds: ['espresso'], topics: ['delivery'] } },
  ];
  const res = await call<{ accepted: number }>(a.url, 'POST', '/v1/events', { events });
  if (res.body.accepted !== events.length) throw new Error(`setup events: ${JSON.stringify(res.body)}`);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.dispose();
});

interface WebDecision {
  decision: { decisionId: string; offers: { offerId: string }[]; nextBestOffer: { offerId: string } | null; recommendations: { productId: string; name: string; price: number }[] };
}

type Rendering = { channel: string; decisionId: string; nbo: string | null; offers: string[] | null; recs: { productId: string; price: number | string }[] | null; html?: string };

async function render(channel: string, url: string): Promise<Rendering> {
  switch (channel) {
    case 'web': {
      const r = await call<WebDecision>(url, 'POST', '/v1/decisions', { identifiers: { deviceId: ids.deviceId }, channel: 'web' });
      expect(r.status).toBe(200);
      const d = r.body.decision;
      return { channel, decisionId: d.decisionId, nbo: d.nextBestOffer?.offerId ?? null, offers: d.offers.map((o) => o.offerId), recs: d.recommendations.map((x) => ({ productId: x.productId, price: x.price })) };
    }
    case 'app': {
      const r = await call<WebDecision>(url, 'GET', `/v1/decisions/current?customerId=${ids.customerId}&channel=app`);
      expect(r.status).toBe(200);
      const d = r.body.decision;
      return { channel, decisionId: d.decisionId, nbo: d.nextBestOffer?.offerId ?? null, offers: d.offers.map((o) => o.offerId), recs: d.recommendations.map((x) => ({ productId: x.productId, price: x.price })) };
    }
    case 'connect': {
      const event = { Name: 'ContactFlowEvent', Details: { ContactData: { Channel: 'VOICE', ContactId: 'c-1', CustomerEndpoint: { Address: PHONE, Type: 'TELEPHONE_NUMBER' }, Attributes: {} }, Parameters: {} } };
      const r = await call<Record<string, string>>(url, 'POST', '/v1/channels/amazon-connect', event);
      expect(r.status).toBe(200);
      expect(Object.values(r.body).every((v) => typeof v === 'string')).toBe(true);
      const count = Number(r.body.ok_rec_count ?? 0);
      const recs = Array.from({ length: count }, (_, i) => ({ productId: r.body[`ok_rec_${i + 1}_id`] as string, price: r.body[`ok_rec_${i + 1}_price`] as string })).filter((x) => x.productId);
      return { channel, decisionId: r.body.ok_decisionId as string, nbo: r.body.ok_nbo_id || null, offers: null, recs };
    }
    case 'screen-pop': {
      const r = await call<{ decisionId: string; nextBestOffer: { offerId: string } | null; offers: { offerId: string }[]; recommendations: { productId: string; price: number }[] }>(
        url,
        'GET',
        `/v1/channels/contact-center/screen-pop?phone=${encodeURIComponent(`tel:${PHONE}`)}&format=json`,
      );
      expect(r.status).toBe(200);
      return { channel, decisionId: r.body.decisionId, nbo: r.body.nextBestOffer?.offerId ?? null, offers: r.body.offers.map((o) => o.offerId), recs: r.body.recommendations.map((x) => ({ productId: x.productId, price: x.price })) };
    }
    default: {
      const r = await call<{ decisionId: string; fallback: boolean; html: string }>(url, 'GET', `/v1/channels/email/content?email=${encodeURIComponent(ids.email)}&format=json`);
      expect(r.status).toBe(200);
      expect(r.body.fallback).toBe(false);
      return { channel, decisionId: r.body.decisionId, nbo: null, offers: null, recs: null, html: r.body.html };
    }
  }
}

const CHANNELS = ['web', 'app', 'connect', 'screen-pop', 'email'];

describe('one decision, every channel, every instance', () => {
  let first: Rendering[] = [];

  it('gives 50 concurrent requests over 5 channels and 2 instances exactly one decision', async () => {
    first = await Promise.all(Array.from({ length: 50 }, (_, i) => render(CHANNELS[i % 5] as string, i % 2 ? b.url : a.url)));
    const decisionIds = new Set(first.map((r) => r.decisionId));
    expect(decisionIds.size).toBe(1);
    const web = first.find((r) => r.channel === 'web') as Rendering;
    expect(web.nbo).toBe('cart-10'); // the abandoned espresso machine
    expect(web.recs?.length).toBeGreaterThan(0);
    for (const r of first) {
      if (r.nbo !== null) expect(r.nbo).toBe(web.nbo);
      if (r.offers) expect(r.offers).toEqual(web.offers);
      if (r.recs && r.channel !== 'connect') expect(r.recs).toEqual(web.recs);
      if (r.channel === 'connect') expect(r.recs?.map((x) => x.productId)).toEqual(web.recs?.slice(0, r.recs?.length).map((x) => x.productId));
      if (r.html) for (const rec of (web.recs ?? []).slice(0, 2)) expect(r.html).toContain(rec.productId === 'mugs' ? 'Set of 4 Mugs' : '');
    }
  });

  it('renews the decision after a purchase, the same new one on every channel', async () => {
    const before = first[0]?.decisionId as string;
    const purchase = { id: 'one-buy-1', type: 'purchase', channel: 'web', occurredAt: new Date().toISOString(), identifiers: { email: ids.email }, properties: { orderId: 'web-9', items: [{ productId: 'espresso', quantity: 1, price: 349 }] } };
    expect((await call<{ accepted: number }>(b.url, 'POST', '/v1/events', { events: [purchase] })).body.accepted).toBe(1);
    const after = await Promise.all(CHANNELS.flatMap((ch) => [render(ch, a.url), render(ch, b.url)]));
    const idsAfter = new Set(after.map((r) => r.decisionId));
    expect(idsAfter.size).toBe(1);
    expect([...idsAfter][0]).not.toBe(before);
    expect(after.find((r) => r.channel === 'web')?.nbo).not.toBe('cart-10'); // the cart was bought
  });

  it('stops showing an offer on the web once the contact center rejects it', async () => {
    const current = await render('screen-pop', a.url);
    const nbo = current.nbo as string;
    expect(nbo).toBeTruthy();
    const outcome = { id: 'one-rej-1', type: 'rejected', decisionId: current.decisionId, channel: 'contact_center', occurredAt: new Date().toISOString(), offerId: nbo };
    const res = await call<{ accepted: number }>(a.url, 'POST', '/v1/outcomes', { outcomes: [outcome] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    for (const url of [a.url, b.url]) {
      const web = await render('web', url);
      expect(web.decisionId).not.toBe(current.decisionId);
      expect(web.offers).not.toContain(nbo);
    }
  });

  it('replays 100 stored decisions to the same decisions', async () => {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const products = ['kettle', 'grinder', 'teapot', 'mugs', 'beans'];
    const events = Array.from({ length: 100 }, (_, i) => ({
      id: `rp-${i}`,
      type: 'purchase',
      channel: i % 3 ? 'web' : 'store',
      occurredAt: at,
      identifiers: { email: `replay-${i}@example.com` },
      properties: { orderId: `rp-o-${i}`, ...(i % 3 ? {} : { storeId: 'madrid' }), items: [{ productId: products[i % 5], quantity: 1 + (i % 2), price: 10 }] },
    }));
    expect((await call<{ accepted: number }>(a.url, 'POST', '/v1/events', { events })).body.accepted).toBe(100);
    const decisionIds: string[] = [];
    for (let i = 0; i < 100; i += 10) {
      const chunk = await Promise.all(
        Array.from({ length: 10 }, (_, j) => call<WebDecision>((i + j) % 2 ? a.url : b.url, 'POST', '/v1/decisions', { identifiers: { email: `replay-${i + j}@example.com` }, channel: 'web' })),
      );
      decisionIds.push(...chunk.map((r) => r.body.decision.decisionId));
    }
    expect(new Set(decisionIds).size).toBe(100);
    // Learned-state snapshots are retained in the process that read them (ADR 11): replay there.
    for (const [i, id] of decisionIds.entries()) {
      const replay = await call<{ equal: boolean }>(i % 2 ? a.url : b.url, 'POST', `/v1/decisions/${id}/replay`);
      expect(replay.status).toBe(200);
      expect(replay.body.equal).toBe(true);
    }
  });

  it('stops serving a decision on every instance once the customer is erased on one', async () => {
    const email = 'erase.me@example.com';
    const buy = (id: string) => ({ id, type: 'purchase', channel: 'web', occurredAt: new Date().toISOString(), identifiers: { email }, properties: { orderId: id, items: [{ productId: 'kettle', quantity: 1, price: 39.99 }] } });
    expect((await call<{ accepted: number }>(a.url, 'POST', '/v1/events', { events: [buy('er-1'), buy('er-2'), buy('er-3')] })).body.accepted).toBe(3);
    const before = await call<WebDecision>(a.url, 'POST', '/v1/decisions', { identifiers: { email }, channel: 'web' });
    const customer = (await call<{ customerId: string }>(a.url, 'GET', `/v1/profiles?email=${encodeURIComponent(email)}`)).body.customerId;
    expect((await call(b.url, 'DELETE', `/v1/profiles/${customer}`)).status).toBeLessThan(300);
    // The same e-mail comes back: the same customer id, a new profile at version 1.
    expect((await call<{ accepted: number }>(b.url, 'POST', '/v1/events', { events: [{ id: 'er-4', type: 'page_viewed', channel: 'web', occurredAt: new Date().toISOString(), identifiers: { email }, properties: {} }] })).body.accepted).toBe(1);
    let fromA = '';
    for (let attempt = 0; attempt < 20 && (fromA === '' || fromA === before.body.decision.decisionId); attempt++) {
      await new Promise((r) => setTimeout(r, 25));
      fromA = (await call<WebDecision>(a.url, 'POST', '/v1/decisions', { identifiers: { email }, channel: 'web' })).body.decision.decisionId;
    }
    expect(fromA).not.toBe(before.body.decision.decisionId);
    const fromB = await call<WebDecision>(b.url, 'POST', '/v1/decisions', { identifiers: { email }, channel: 'web' });
    expect(fromB.body.decision.decisionId).toBe(fromA);
  });
});
