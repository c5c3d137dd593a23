import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@omnikernel/kernel';
import { bootGateway, type Gateway } from '../boot.ts';
import { settingsSchema } from '../config/settings.ts';
import { json, TEST_KEY_SPECS, TEST_KEYS } from '../testing/test-keys.ts';
import { gatewayListener } from './gateway-listener.ts';

// The lane must answer exactly what the app answers: every case is sent to a real listening server
// (lane in front of the app) and to the app alone, and the two answers compared.
let gateway: Gateway;
let server: Server;
let base: string;
/** Requests that reached the app behind the lane. */
let reachedApp = 0;

beforeAll(async () => {
  gateway = await bootGateway({
    settings: settingsSchema.parse({ demo: true, apiKeys: TEST_KEY_SPECS, logLevel: 'silent', channels: ['kiosk'] }),
    configDir: process.cwd(),
    logger: createLogger({ level: 'silent' }),
  });
  server = createServer(
    gatewayListener(gateway, (app) => (req, res) => {
      reachedApp += 1;
      return app(req, res);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await gateway.close();
});

const JAMES = { identifiers: { email: 'james.carter@example.com' }, channel: 'web' };

async function both(body: string, headers: Record<string, string>) {
  const before = reachedApp;
  const lane = await fetch(`${base}/v1/decisions`, { method: 'POST', headers, body });
  const laneApp = reachedApp > before;
  const app = await gateway.app.request('/v1/decisions', { method: 'POST', headers, body });
  return { lane, app, laneApp, laneText: await lane.text(), appText: await app.text() };
}

/** Request ids are per request: everything else must be equal. */
const withoutIds = (text: string) => text.replace(/quote request id [\w-]+/g, 'quote request id <id>');

describe('POST /v1/decisions through the fast lane', () => {
  it('answers a valid request itself, with the bytes and headers the app answers', async () => {
    const { lane, app, laneApp, laneText, appText } = await both(JSON.stringify(JAMES), json(TEST_KEYS.reader));
    expect(laneApp).toBe(false);
    expect(lane.status).toBe(200);
    expect(laneText).toBe(appText);
    for (const name of ['etag', 'cache-control', 'x-omnikernel-customer', 'content-type']) expect(lane.headers.get(name), name).toBe(app.headers.get(name));
    expect(lane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(lane.headers.get('content-length'))).toBe(Buffer.byteLength(laneText));
  });

  it('echoes a safe request id, trims identifiers like the schema, and gives 304 for the current ETag', async () => {
    const first = await fetch(`${base}/v1/decisions`, { method: 'POST', headers: { ...json(TEST_KEYS.reader), 'x-request-id': 'abc-123' }, body: JSON.stringify({ ...JAMES, identifiers: { email: '  james.carter@example.com ' } }) });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-request-id')).toBe('abc-123');
    expect(first.headers.get('x-omnikernel-customer')).toBe('known');
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${base}/v1/decisions`, { method: 'POST', headers: { ...json(TEST_KEYS.reader), 'if-none-match': etag }, body: JSON.stringify(JAMES) });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('serves configured custom channels and request context', async () => {
    const body = JSON.stringify({ ...JAMES, channel: 'kiosk', context: { page: '/home', locale: 'en-GB' } });
    const { lane, laneApp, laneText } = await both(body, json(TEST_KEYS.reader));
    expect(laneApp).toBe(false);
    expect(lane.status).toBe(200);
    expect(JSON.parse(laneText).channel).toBe('kiosk');
  });

  it.each([
    ['malformed JSON', '{"identifiers":'],
    ['no identifier', JSON.stringify({ identifiers: {}, channel: 'web' })],
    ['an empty identifier', JSON.stringify({ identifiers: { email: '   ' }, channel: 'web' })],
    ['an unknown channel', JSON.stringify({ ...JAMES, channel: 'fax' })],
    ['an unknown field', JSON.stringify({ ...JAMES, extra: 1 })],
    ['a bad location', JSON.stringify({ ...JAMES, context: { location: { lat: 91, lon: 0 } } })],
    ['not an object', '[1,2,3]'],
  ])('hands %s to the app, whose problem document it answers', async (_case, body) => {
    const { lane, app, laneApp, laneText, appText } = await both(body, json(TEST_KEYS.reader));
    expect(laneApp).toBe(false); // the body was read: the app got a rebuilt request, not the socket
    expect(lane.status).toBe(400);
    expect(lane.status).toBe(app.status);
    expect(lane.headers.get('content-type')).toBe('application/problem+json');
    expect(withoutIds(laneText)).toBe(withoutIds(appText));
    expect(lane.headers.get('x-request-id')).toBeTruthy();
  });

  it.each([
    ['no key', { 'content-type': 'application/json' }, 401],
    ['a wrong key', json('not-a-real-key-at-all-000000'), 401],
    ['a key without decisions:read', json(TEST_KEYS.writer), 403],
    ['another media type', { ...json(TEST_KEYS.reader), 'content-type': 'text/plain' }, 415],
  ] as const)('leaves a request with %s to the app', async (_case, headers, status) => {
    const { lane, app, laneApp, laneText, appText } = await both(JSON.stringify(JAMES), headers);
    expect(laneApp).toBe(true);
    expect(lane.status).toBe(status);
    expect(app.status).toBe(status);
    expect(withoutIds(laneText)).toBe(withoutIds(appText));
    if (status === 401) expect(lane.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('leaves a request with a trace to join to the app, which names the trace it joined', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const before = reachedApp;
    const res = await fetch(`${base}/v1/decisions`, { method: 'POST', headers: { ...json(TEST_KEYS.reader), traceparent }, body: JSON.stringify(JAMES) });
    expect(reachedApp).toBe(before + 1);
    expect(res.status).toBe(200);
    expect(res.headers.get('traceparent')).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
  });

  it('counts what it answers in the same metrics as the app', async () => {
    const read = async () => {
      const text = await (await gateway.app.request('/metrics')).text();
      const line = text.split('\n').find((l) => l.startsWith('omnikernel_http_requests_total') && l.includes('route="/v1/decisions"') && l.includes('method="POST"') && l.includes('status="200"'));
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const before = await read();
    await fetch(`${base}/v1/decisions`, { method: 'POST', headers: json(TEST_KEYS.reader), body: JSON.stringify(JAMES) }).then((r) => r.text());
    expect(await read()).toBe(before + 1);
  });

  it('leaves every other route to the app', async () => {
    const before = reachedApp;
    const res = await fetch(`${base}/v1/decisions/current?email=james.carter%40example.com`, { headers: json(TEST_KEYS.reader) });
    expect(res.status).toBe(200);
    expect(reachedApp).toBe(before + 1);
  });
});
