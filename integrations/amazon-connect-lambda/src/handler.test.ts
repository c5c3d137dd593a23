import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
// The gateway's channel test kit and Amazon's documented sample event (see the gateway's
// amazon-connect route test for the source): the handler is tested against a real gateway.
import sample from '../../../gateway/src/channels/amazon-connect/fixtures/sample-event.json' with { type: 'json' };
import { ANA } from '../../../gateway/src/channels/testing/test-data.ts';
import { createTestGateway, TEST_KEY } from '../../../gateway/src/channels/testing/test-gateway.ts';
import { createHandler, handler, optionsFromEnv } from './handler.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
});

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const listening = (server: Server) => new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));

/** The gateway's app on a free loopback port. */
async function gateway(): Promise<string> {
  const gw = await createTestGateway();
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: gw.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  servers.push(server);
  return urlOf(server);
}

/** A node:http stub: `answer` decides what to do with each request (or never answers). */
async function stub(answer: (res: import('node:http').ServerResponse) => void): Promise<string> {
  const server = await listening(createServer((req, res) => { req.resume(); answer(res); }));
  servers.push(server);
  return urlOf(server);
}

const callerEvent = (phone: string) => {
  const event = structuredClone(sample);
  event.Details.ContactData.CustomerEndpoint.Address = phone;
  return event;
};
const quiet = () => {};

describe('Amazon Connect Lambda handler', () => {
  it('returns the gateway\'s attribute map for a known caller', async () => {
    const handle = createHandler({ gatewayUrl: `${await gateway()}/`, apiKey: TEST_KEY, warn: quiet });
    const map = await handle(callerEvent(ANA.phone), { getRemainingTimeInMillis: () => 7_900 });
    expect(map).toMatchObject({ ok_status: 'known', ok_firstName: 'Ana', ok_nbo_id: 'o-cart' });
    expect(Object.values(map).every((v) => typeof v === 'string')).toBe(true);
    expect((await handle(sample)).ok_status).toBe('unknown');
  });

  it('returns the fallback map within the budget when the gateway never answers', async () => {
    const warnings: unknown[] = [];
    const handle = createHandler({ gatewayUrl: await stub(() => {}), apiKey: TEST_KEY, budgetMs: 300, fallback: { ok_nbo_script: 'Thanks for calling.' }, warn: (_m, f) => warnings.push(f) });
    const started = performance.now();
    const map = await handle(sample);
    const elapsed = performance.now() - started;
    expect(map).toMatchObject({ ok_status: 'fallback', ok_reason: 'timeout', ok_nbo_script: 'Thanks for calling.', ok_degraded: 'true' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
    expect(JSON.stringify(warnings)).not.toContain(TEST_KEY);
  });

  it('is bounded by the Lambda\'s remaining time as well as the budget', async () => {
    const handle = createHandler({ gatewayUrl: await stub(() => {}), apiKey: TEST_KEY, budgetMs: 5_000, warn: quiet });
    const started = performance.now();
    const map = await handle(sample, { getRemainingTimeInMillis: () => 800 });
    expect(map.ok_reason).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_500);
    expect((await handle(sample, { getRemainingTimeInMillis: () => 400 })).ok_reason).toBe('timeout');
  });

  it('returns the fallback map when the gateway answers 500, or something that is not a string map', async () => {
    const failing = createHandler({ gatewayUrl: await stub((res) => res.writeHead(500, { 'content-type': 'application/problem+json' }).end('{"status":500}')), apiKey: TEST_KEY, warn: quiet });
    expect(await failing(sample)).toMatchObject({ ok_status: 'fallback', ok_reason: 'http_error' });
    const nested = createHandler({ gatewayUrl: await stub((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok_status":{"a":1}}')), apiKey: TEST_KEY, warn: quiet });
    expect((await nested(sample)).ok_reason).toBe('bad_response');
    const garbage = createHandler({ gatewayUrl: await stub((res) => res.writeHead(200).end('<html>')), apiKey: TEST_KEY, warn: quiet });
    expect((await garbage(sample)).ok_reason).toBe('bad_response');
  });

  it('returns the fallback map when the gateway cannot be reached or refuses the key', async () => {
    const closed = await stub(() => {});
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    expect((await createHandler({ gatewayUrl: closed, apiKey: TEST_KEY, warn: quiet })(sample)).ok_reason).toBe('network_error');
    const wrongKey = createHandler({ gatewayUrl: await gateway(), apiKey: 'not-a-key', warn: quiet });
    expect(await wrongKey(sample)).toMatchObject({ ok_status: 'fallback', ok_reason: 'http_error' });
  });

  it('reads its configuration from the environment, and falls back when it is missing', async () => {
    expect(optionsFromEnv({})).toBeNull();
    expect(optionsFromEnv({ OMNIKERNEL_URL: 'https://x', OMNIKERNEL_API_KEY: 'k', OMNIKERNEL_BUDGET_MS: 'abc' })?.budgetMs).toBe(3_000);
    expect(optionsFromEnv({ OMNIKERNEL_URL: 'https://x', OMNIKERNEL_API_KEY: 'k', OMNIKERNEL_BUDGET_MS: '60000' })?.budgetMs).toBe(7_000);
    const saved = { url: process.env.OMNIKERNEL_URL, key: process.env.OMNIKERNEL_API_KEY };
    delete process.env.OMNIKERNEL_URL;
    delete process.env.OMNIKERNEL_API_KEY;
    const original = console.warn;
    console.warn = quiet;
    try {
      expect(await handler(sample)).toMatchObject({ ok_status: 'fallback', ok_reason: 'not_configured' });
    } finally {
      console.warn = original;
      if (saved.url !== undefined) process.env.OMNIKERNEL_URL = saved.url;
      if (saved.key !== undefined) process.env.OMNIKERNEL_API_KEY = saved.key;
    }
  });
});
