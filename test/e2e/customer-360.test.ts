import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts';
import { E2E_KEYS_ENV, loadFixtureCatalog, E2E_KEY } from '../support/fixture-catalog.ts';
import { call, within } from '../support/http.ts';

// Two real gateway processes on one real Redis: ingestion, merge, invalidation and an outage.
let redis: RedisServer;
let a: GatewayProcess;
let b: GatewayProcess;

beforeAll(async () => {
  redis = await startRedisServer({ persist: true });
  const env = { REDIS_URL: redis.url, OMNIKERNEL_API_KEYS: E2E_KEYS_ENV, OMNIKERNEL_SIGNING_SECRET: 'e2e-signing-secret-0123456789abcdef' };
  [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  await loadFixtureCatalog(a.url, E2E_KEY);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.dispose();
});

const event = (id: string, identifiers: Record<string, string>, type = 'page_viewed', properties: Record<string, unknown> = {}, channel = 'web', at = '2026-11-20T10:00:00.000Z') => ({
  id,
  type,
  channel,
  occurredAt: at,
  identifiers,
  properties,
});

describe('customer 360 across two gateway processes on one Redis', () => {
  it('counts 1,000 events for one customer, sent to both with repeats, exactly once each', async () => {
    const ids = { email: 'many.events@example.com' };
    const distinct = Array.from({ length: 1_000 }, (_, i) => event(`bulk-${i}`, ids, i % 3 === 0 ? 'product_viewed' : 'page_viewed', i % 3 === 0 ? { productId: 'kettle' } : {}, i % 2 ? 'web' : 'app'));
    const repeats = distinct.filter((_, i) => i % 7 === 0);
    const all = [...distinct, ...repeats];
    const batches: (typeof all)[] = [];
    for (let i = 0; i < all.length; i += 100) batches.push(all.slice(i, i + 100));
    // Like any client: a 503 (the store busy or briefly unreachable) is retried after Retry-After.
    // A 503 may come after the write committed (the answer timed out): its retry then reports
    // duplicates, which is why exact accepted/duplicate counts hold only when nothing was retried.
    let retried = false;
    const send = async (batch: unknown[], url: string) => {
      for (let attempt = 0; ; attempt++) {
        const r = await call<{ accepted: number; duplicates: number }>(url, 'POST', '/v1/events', { events: batch });
        if (r.status !== 503 || attempt === 20) return r;
        retried = true;
        await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
    };
    const results = await Promise.all(batches.map((batch, i) => send(batch, i % 2 ? b.url : a.url)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const accepted = results.reduce((s, r) => s + r.body.accepted, 0);
    const duplicates = results.reduce((s, r) => s + r.body.duplicates, 0);
    expect(accepted + duplicates).toBe(all.length); // every event acknowledged
    if (!retried) {
      expect(accepted, JSON.stringify(results.map((r) => r.body))).toBe(1_000);
      expect(duplicates).toBe(repeats.length);
    }
    const profile = await call<{ eventCount: number; channelCounts: Record<string, number>; typeCounts: Record<string, number> }>(b.url, 'GET', '/v1/profiles?email=many.events@example.com');
    expect(profile.body.eventCount).toBe(1_000);
    expect(profile.body.channelCounts).toEqual({ web: 500, app: 500 });
    expect(profile.body.typeCounts.product_viewed).toBe(334);
  });

  it('merges a device id and an e-mail into one profile with all history', async () => {
    await call(a.url, 'POST', '/v1/events', { events: [event('m-1', { deviceId: 'dev-merge-1' }, 'product_viewed', { productId: 'kettle' }, 'web', '2026-11-01T10:00:00Z'), event('m-2', { deviceId: 'dev-merge-1' }, 'page_viewed', {}, 'web', '2026-11-01T10:01:00Z')] });
    await call(b.url, 'POST', '/v1/events', { events: [event('m-3', { email: 'Merge.Me@Example.com ' }, 'email_opened', { campaignId: 'c1' }, 'email', '2026-11-02T08:00:00Z')] });
    const byDevice = await call<{ customerId: string }>(a.url, 'GET', '/v1/profiles?deviceId=dev-merge-1');
    const byEmail = await call<{ customerId: string }>(a.url, 'GET', '/v1/profiles?email=merge.me@example.com');
    expect(byDevice.body.customerId).not.toBe(byEmail.body.customerId);
    const link = await call<{ accepted: number }>(b.url, 'POST', '/v1/events', { events: [event('m-4', { deviceId: 'dev-merge-1', email: 'merge.me@example.com' }, 'identify', { traits: { firstName: 'Mia' } }, 'app', '2026-11-03T09:00:00Z')] });
    expect(link.body.accepted).toBe(1);
    for (const gw of [a, b]) {
      // The other instance learns of the merge through the change channel: within milliseconds.
      await within(1_000, async () => (await call<{ eventCount: number }>(gw.url, 'GET', '/v1/profiles?deviceId=dev-merge-1')).body.eventCount === 4);
      const d = await call<{ customerId: string; eventCount: number; aliases: string[] }>(gw.url, 'GET', '/v1/profiles?deviceId=dev-merge-1');
      const e = await call<{ customerId: string; eventCount: number }>(gw.url, 'GET', '/v1/profiles?email=merge.me@example.com');
      expect(d.body.customerId).toBe(byDevice.body.customerId); // the older customer survives
      expect(e.body.customerId).toBe(d.body.customerId);
      expect(d.body.eventCount).toBe(4);
      expect(d.body.aliases).toContain(byEmail.body.customerId);
      const alias = await call<{ customerId: string }>(gw.url, 'GET', `/v1/profiles/${byEmail.body.customerId}`);
      expect(alias.body.customerId).toBe(d.body.customerId);
    }
  });

  it('shows a change made through instance A on instance B within 100 ms', async () => {
    const ids = { email: 'cache.check@example.com' };
    await call(a.url, 'POST', '/v1/events', { events: [event('inv-1', ids)] });
    const before = await call<{ eventCount: number }>(b.url, 'GET', '/v1/profiles?email=cache.check@example.com');
    expect(before.body.eventCount).toBe(1); // B now holds the profile in its cache
    await call(a.url, 'POST', '/v1/events', { events: [event('inv-2', ids, 'purchase', { orderId: 'o-inv', items: [{ productId: 'kettle', quantity: 1, price: 39.99 }] })] });
    const elapsed = await within(100, async () => (await call<{ eventCount: number }>(b.url, 'GET', '/v1/profiles?email=cache.check@example.com')).body.eventCount === 2);
    expect(elapsed).toBeLessThan(100);
  });

  it('answers 503 while Redis is down, stores nothing, and accepts the same events once it is back', async () => {
    const ids = { email: 'outage@example.com' };
    await call(a.url, 'POST', '/v1/events', { events: [event('out-0', ids)] });
    const held = await call<{ decision: { decisionId: string } }>(a.url, 'POST', '/v1/decisions', { identifiers: ids, channel: 'web' });
    await redis.stop();
    // Decisions keep being served: the one instance A holds, or B's fallback, marked degraded.
    const fromA = await call<{ decision: { decisionId: string } }>(a.url, 'POST', '/v1/decisions', { identifiers: ids, channel: 'app' });
    expect(fromA.status).toBe(200);
    expect(fromA.body.decision.decisionId).toBe(held.body.decision.decisionId);
    const fromB = await call<{ decision: { degraded: { plugin: string }[]; nextBestOffer: { offerId: string } | null } }>(b.url, 'POST', '/v1/decisions', { identifiers: { email: 'never-seen-on-b@example.com' }, channel: 'web' });
    expect(fromB.status).toBe(200);
    expect(fromB.body.decision.degraded.map((d) => d.plugin)).toContain('store');
    expect(fromB.headers.get('x-omnikernel-customer')).toBe('unresolved');
    expect(fromB.body.decision.nextBestOffer).not.toBeNull();
    const batch = { events: [event('out-1', ids), event('out-2', ids)] };
    const down = await call<{ status: number }>(a.url, 'POST', '/v1/events', batch);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(down.headers.get('content-type')).toBe('application/problem+json');
    await redis.restart();
    // A client retries a 503 after Retry-After; the gateway reconnects by itself.
    let up = await call<{ accepted: number }>(a.url, 'POST', '/v1/events', batch);
    await within(15_000, async () => {
      if (up.status === 200) return true;
      expect(up.status).toBe(503);
      up = await call<{ accepted: number }>(a.url, 'POST', '/v1/events', batch);
      return up.status === 200;
    });
    expect(up.body.accepted).toBe(2);
    // B reconnects by itself too; until it has, reads answer 503 (never a 500).
    let profile = await call<{ eventCount: number }>(b.url, 'GET', '/v1/profiles?email=outage@example.com');
    await within(15_000, async () => {
      if (profile.status === 200) return true;
      expect(profile.status).toBe(503);
      profile = await call<{ eventCount: number }>(b.url, 'GET', '/v1/profiles?email=outage@example.com');
      return profile.status === 200;
    });
    expect(profile.body.eventCount).toBe(3);
  });
});
