import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootGateway, type Gateway } from './boot.ts';
import { settingsSchema } from './config/settings.ts';
import { createLogger } from '@omnikernel/kernel';
import { bearer, json, TEST_KEY_SPECS, TEST_KEYS } from './testing/test-keys.ts';

let gateway: Gateway;
const post = (path: string, body: unknown, headers: Record<string, string> = json(TEST_KEYS.admin)) =>
  gateway.app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  gateway = await bootGateway({
    settings: settingsSchema.parse({ demo: true, apiKeys: TEST_KEY_SPECS, logLevel: 'silent' }),
    configDir: process.cwd(),
    logger: createLogger({ level: 'silent' }),
    metrics: false,
  });
}, 120_000);
afterAll(() => gateway.close());

describe('the gateway on the embedded store', () => {
  it('returns a decision for a demo customer, with an ETag that gives 304', async () => {
    const res = await post('/v1/decisions', { identifiers: { email: 'james.carter@example.com' }, channel: 'web' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { channel: string; decision: { decisionId: string; customerId: string; recommendations: unknown[] } };
    expect(body.channel).toBe('web');
    expect(body.decision.decisionId).toMatch(/^dec_/);
    expect(res.headers.get('etag')).toBe(`"${body.decision.decisionId}"`);
    expect(res.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    const again = await post('/v1/decisions', { identifiers: { email: 'james.carter@example.com' }, channel: 'web' }, { ...json(TEST_KEYS.admin), 'if-none-match': res.headers.get('etag') as string });
    expect(again.status).toBe(304);
  });

  it('serves the same decision to every identifier of one customer', async () => {
    const byEmail = (await (await post('/v1/decisions', { identifiers: { email: 'sofia.hernandez@example.com' }, channel: 'web' })).json()) as { decision: { decisionId: string; customerId: string } };
    const profile = (await (await gateway.app.request(`/v1/profiles/${byEmail.decision.customerId}`, { headers: bearer(TEST_KEYS.admin) })).json()) as { identifiers: { phone?: string[] } };
    const phone = profile.identifiers.phone?.[0] as string;
    const res = await gateway.app.request(`/v1/decisions/current?phone=${encodeURIComponent(`tel:${phone}`)}&channel=app`, { headers: bearer(TEST_KEYS.reader) });
    expect(res.status).toBe(200);
    const byPhone = (await res.json()) as { channel: string; decision: { decisionId: string } };
    expect(byPhone.channel).toBe('app');
    expect(byPhone.decision.decisionId).toBe(byEmail.decision.decisionId);
  });

  it('answers unknown identifiers with a non-personalised decision and creates nobody', async () => {
    const res = await post('/v1/decisions', { identifiers: { email: 'nobody-here@example.com' }, channel: 'web' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-omnikernel-customer')).toBe('unknown');
    const profile = await gateway.app.request('/v1/profiles?email=nobody-here@example.com', { headers: bearer(TEST_KEYS.admin) });
    expect(profile.status).toBe(404);
  });

  it('refuses a request without a key (401) and a key without the scope (403), as problem+json', async () => {
    const none = await gateway.app.request('/v1/decisions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const wrongKey = await post('/v1/decisions', {}, json('not-a-real-key-at-all-000000'));
    expect(wrongKey.status).toBe(401);
    const lacking = await post('/v1/events', { events: [] }, json(TEST_KEYS.reader));
    expect(lacking.status).toBe(403);
    expect(((await lacking.json()) as { detail: string }).detail).toContain("'events:write'");
  });

  it('accepts the key as a Basic password', async () => {
    const basic = `Basic ${Buffer.from(`anyone:${TEST_KEYS.reader}`).toString('base64')}`;
    const res = await gateway.app.request('/v1/plugins', { headers: { authorization: basic } });
    expect(res.status).toBe(200);
  });

  it('answers malformed JSON with 400 problem+json naming the body', async () => {
    const res = await post('/v1/decisions', '{"identifiers": {"email": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { status: number; errors: { field: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors[0]?.field).toBe('body');
  });

  it('names the field of a wrong type and of an unknown channel', async () => {
    const wrongType = await post('/v1/decisions', { identifiers: { email: 42 }, channel: 'web' });
    expect(wrongType.status).toBe(400);
    const p1 = (await wrongType.json()) as { errors: { field: string; message: string }[]; type: string; title: string; detail: string };
    expect(p1.errors.map((e) => e.field)).toContain('body.identifiers.email');
    expect(p1.type).toMatch(/^https?:\/\//);
    const unknownChannel = await post('/v1/decisions', { identifiers: { email: 'a@b.co' }, channel: 'fax' });
    expect(unknownChannel.status).toBe(400);
    const p2 = (await unknownChannel.json()) as { errors: { field: string }[] };
    expect(p2.errors.map((e) => e.field)).toContain('body.channel');
    const noIds = await post('/v1/decisions', { identifiers: {}, channel: 'web' });
    expect(noIds.status).toBe(400);
  });

  it('gives every response a request id and continues a caller trace', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await gateway.app.request('/healthz', { headers: { traceparent, 'x-request-id': 'req-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    expect(res.headers.get('traceparent')).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    const other = await gateway.app.request('/nowhere');
    expect(other.status).toBe(404);
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the plugins with their health, and is ready', async () => {
    const res = await gateway.app.request('/v1/plugins', { headers: bearer(TEST_KEYS.reader) });
    const body = (await res.json()) as { plugins: { name: string; health: string; stage: string }[] };
    expect(body.plugins.map((p) => p.name)).toEqual(['recommendations', 'geo-time-offers', 'next-best-offer', 'email-content']);
    expect(body.plugins.every((p) => p.health === 'ok')).toBe(true);
    expect((await gateway.app.request('/readyz')).status).toBe(200);
  });

  it('publishes an OpenAPI document generated from the request schemas, and a docs page', async () => {
    const doc = (await (await gateway.app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/decisions', '/v1/events', '/v1/outcomes', '/v1/decisions/simulate', '/v1/plugins']));
    expect(doc.components.schemas).toHaveProperty('DecisionRequest');
    const docs = await gateway.app.request('/docs');
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('/v1/decisions');
  });

  it('serves Prometheus metrics', async () => {
    const res = await gateway.app.request('/metrics');
    const text = await res.text();
    expect(text).toContain('omnikernel_http_requests_total');
    // The recommendations' snapshot was built at start and again once the demo's history was learnt.
    const builds = /^omnikernel_snapshot_build_duration_seconds_count\{plugin="recommendations",result="ok"\} (\d+)$/m.exec(text);
    expect(Number(builds?.[1])).toBeGreaterThanOrEqual(2);
    // Every HELP and TYPE line names one valid metric: one bad line fails Prometheus's whole scrape.
    const meta = text.split('\n').filter((line) => line.startsWith('# '));
    expect(meta.filter((line) => !/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* \S/.test(line))).toEqual([]);
    expect(text).toMatch(/^# TYPE omnikernel_store_\w+ gauge$/m);
  });
});
