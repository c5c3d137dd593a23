// The sample event is the one Amazon documents for Lambda functions invoked by Amazon Connect:
// "Using Lambda with Amazon Connect", AWS Lambda Developer Guide,
// https://docs.aws.amazon.com/lambda/latest/dg/services-connect.html (also in the Amazon Connect
// Administrator Guide, "Invoke AWS Lambda functions": connect-lambda-functions.html).
import { describe, expect, it } from 'vitest';
import type { CustomerStore } from '@omnikernel/store';
import { ANA, testProducts } from '../testing/test-data.ts';
import { createTestGateway, TEST_KEY_NO_SCOPE } from '../testing/test-gateway.ts';
import sample from './fixtures/sample-event.json' with { type: 'json' };
import { attributeBytes, CONNECT_BUDGET_BYTES } from './fit-budget.ts';

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

/** The documented event with the caller's number (and optionally more) replaced. */
function eventFor(address: string | null, patch: (e: typeof sample) => void = () => {}): typeof sample {
  const e = clone(sample);
  (e.Details.ContactData.CustomerEndpoint as { Address: string | null }).Address = address;
  patch(e);
  return e;
}

async function post(gw: Awaited<ReturnType<typeof createTestGateway>>, body: unknown, headers: Record<string, string> = gw.auth) {
  const res = await gw.app.request('/v1/channels/amazon-connect', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { res, body: (await res.json()) as Json };
}

const allStrings = (map: Json) => Object.values(map).every((v) => typeof v === 'string');

describe('POST /v1/channels/amazon-connect', () => {
  it('answers the documented sample event (an unknown number) with the default offer as a flat string map', async () => {
    const gw = await createTestGateway();
    const { res, body } = await post(gw, sample);
    expect(res.status).toBe(200);
    expect(allStrings(body)).toBe(true);
    expect(body).toMatchObject({ ok_status: 'unknown', ok_customerId: '', ok_nbo_id: 'o-default', ok_nbo_title: 'Welcome to Omni Home', ok_nbo_script: 'Welcome! Ask me about free delivery today.', ok_rec_count: '0', ok_degraded: 'false' });
    expect(Object.keys(body).every((k) => k.startsWith('ok_'))).toBe(true);
  });

  it('finds a known caller by the number in CustomerEndpoint and returns the current decision, the same one the web gets', async () => {
    const gw = await createTestGateway();
    const { res, body } = await post(gw, eventFor(ANA.phone));
    expect(res.status).toBe(200);
    expect(allStrings(body)).toBe(true);
    expect(body).toMatchObject({
      ok_status: 'known',
      ok_firstName: 'Ana',
      ok_crmId: 'CRM-001',
      ok_nbo_id: 'o-cart',
      ok_nbo_title: '10 % off your basket',
      ok_nbo_script: 'Hello Ana, your basket is still waiting: take 10 % off today.',
      ok_nbo_reasons: 'Left items in the basket; Prefers delivery',
      ok_leadScore: '72',
      ok_leadBand: 'warm',
      ok_rec_count: String(testProducts.length),
      ok_rec_1_id: 'p1',
      ok_rec_1_name: 'Kettle',
      ok_rec_1_price: '€29.99',
      ok_rec_3_name: 'Tea & <Biscuits>',
      ok_rec_3_price: '£12.00',
    });
    expect(body.ok_customerId).toMatch(/.+/);
    expect(Date.parse(String(body.ok_validUntil))).toBeGreaterThan(gw.now);
    const web = await gw.app.request('/v1/decisions', { method: 'POST', headers: { ...gw.auth, 'content-type': 'application/json' }, body: JSON.stringify({ identifiers: { email: ANA.email }, channel: 'web' }) });
    const { decision } = (await web.json()) as { decision: { decisionId: string; recommendations: { productId: string }[] } };
    expect(decision.decisionId).toBe(body.ok_decisionId);
    expect(decision.recommendations.map((r) => r.productId)).toEqual(testProducts.map((p, i) => body[`ok_rec_${i + 1}_id`]));
    // The decision's attributes are rendered once and kept on the current decision.
    const current = await gw.deps.decisions.current({ phone: ANA.phone }, { channel: 'contact_center' });
    expect(current.current.render('amazon-connect:en', () => null)).toMatchObject({ ok_decisionId: body.ok_decisionId, ok_rec_1_id: 'p1' });
  });

  it('accepts the number as a tel: or sip: URI and national format', async () => {
    const gw = await createTestGateway();
    for (const address of ['tel:+34600123456', 'sip:+34600123456@pbx.example.com;user=phone']) {
      expect((await post(gw, eventFor(address))).body.ok_status).toBe('known');
    }
  });

  it('treats a withheld, null or missing caller as unknown, never as an error', async () => {
    const gw = await createTestGateway();
    const cases = [
      eventFor('anonymous'),
      eventFor('withheld'),
      eventFor(null),
      eventFor('', (e) => Object.assign(e.Details.ContactData, { CustomerEndpoint: null })),
      eventFor('', (e) => Object.assign(e.Details, { ContactData: null })),
    ];
    for (const event of cases) {
      const { res, body } = await post(gw, event);
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ ok_status: 'unknown', ok_nbo_id: 'o-default' });
    }
  });

  it('uses identifiers from the block parameters and contact attributes (chat and task contacts have no endpoint)', async () => {
    const gw = await createTestGateway();
    const chat = eventFor(null, (e) => Object.assign(e.Details.ContactData, { Channel: 'CHAT', CustomerEndpoint: null, Attributes: { LoyaltyId: ANA.loyaltyId } }));
    expect((await post(gw, chat)).body).toMatchObject({ ok_status: 'known', ok_crmId: 'CRM-001' });
    const task = eventFor(null, (e) => Object.assign(e.Details, { Parameters: { email: ANA.email } }));
    expect((await post(gw, task)).body.ok_status).toBe('known');
    // For the same kind of identifier, the parameters win over the endpoint: the flow designer chose them.
    const both = eventFor('+447911123456', (e) => Object.assign(e.Details, { Parameters: { phone: ANA.phone } }));
    expect((await post(gw, both)).body.ok_firstName).toBe('Ana');
    expect((await post(gw, eventFor('+447911123456'))).body.ok_firstName).toBe('Ben');
  });

  it('reads the sender address of an EMAIL contact', async () => {
    const gw = await createTestGateway();
    const email = eventFor('Ana@Example.com', (e) => Object.assign(e.Details.ContactData, { Channel: 'EMAIL', CustomerEndpoint: { Address: 'Ana@Example.com', Type: 'EMAIL_ADDRESS' } }));
    expect((await post(gw, email)).body).toMatchObject({ ok_status: 'known', ok_firstName: 'Ana' });
  });

  it('answers 200 to a well-formed event with surprising fields and values', async () => {
    const gw = await createTestGateway();
    const odd = eventFor(ANA.phone, (e) =>
      Object.assign(e.Details.ContactData, { Channel: 'SMS', Queue: 'QueueName', MediaStreams: { Customer: { Audio: {} } }, Attributes: { n: 5, nested: { a: 1 } }, Brand: { New: true } }),
    );
    Object.assign(odd.Details, { Parameters: { locale: 'es-ES', extra: ['x'] } });
    const { res, body } = await post(gw, { ...odd, Name: 'SomethingElse', Future: 1 });
    expect(res.status).toBe(200);
    expect(body.ok_status).toBe('known');
    expect(body.ok_rec_1_price).toBe('29,99\u00a0€');
  });

  it('refuses a body that is not an event with a 400 naming the field', async () => {
    const gw = await createTestGateway();
    for (const [body, field] of [
      [[], 'body'],
      ['"text"', 'body'],
      [{ Name: 'ContactFlowEvent' }, 'body.Details'],
      [{ Details: 'x' }, 'body.Details'],
      [{ Details: { ContactData: { CustomerEndpoint: { Address: 5 } } } }, 'body.Details.ContactData.CustomerEndpoint.Address'],
    ] as const) {
      const { res, body: problem } = await post(gw, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((problem.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    const broken = await post(gw, '{"Details": {');
    expect(broken.res.status).toBe(400);
  });

  it('needs an API key with decisions:read', async () => {
    const gw = await createTestGateway();
    expect((await post(gw, sample, {})).res.status).toBe(401);
    expect((await post(gw, sample, { authorization: `Bearer ${TEST_KEY_NO_SCOPE}` })).res.status).toBe(403);
  });

  it('stays within the 32 KB budget by dropping recommendations from the tail', async () => {
    const gw = await createTestGateway({ maxRecommendations: 100 });
    const long = Array.from({ length: 100 }, (_, i) => ({ id: `big-${String(i).padStart(3, '0')}`, name: `Très grand produit ${i} ${'é'.repeat(180)}`, category: 'big', price: 10 + i, currency: 'EUR' }));
    await gw.deps.store.upsertProducts(long);
    const { body } = await post(gw, eventFor(ANA.phone));
    const map = body as Record<string, string>;
    const count = Number(map.ok_rec_count);
    expect(attributeBytes(map)).toBeLessThan(CONNECT_BUDGET_BYTES);
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(105);
    expect(map[`ok_rec_${count}_id`]).toBeDefined();
    expect(map[`ok_rec_${count + 1}_id`]).toBeUndefined();
    expect(map.ok_rec_1_id).toBe('p1');
  });

  it('serves the default offer as ok_status fallback when the store fails', async () => {
    const failing = (store: CustomerStore): CustomerStore => ({ ...store, resolve: async () => { throw new Error('redis down'); } });
    const gw = await createTestGateway({ wrapStore: failing });
    const { res, body } = await post(gw, eventFor(ANA.phone));
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok_status: 'fallback', ok_nbo_id: 'o-default', ok_degraded: 'true' });
  });
});
