import { describe, expect, it } from 'vitest';
import { ANA, BEN } from '../testing/test-data.ts';
import { createTestGateway, type TestGateway } from '../testing/test-gateway.ts';

const makeLink = async (gw: TestGateway, body: unknown, headers: Record<string, string> = gw.auth) =>
  gw.app.request('http://gateway.internal:3000/v1/channels/contact-center/screen-pop-links', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function linkFor(gw: TestGateway, body: unknown): Promise<{ url: string; expiresAt: string; status: string }> {
  const res = await makeLink(gw, body);
  expect(res.status).toBe(200);
  return (await res.json()) as { url: string; expiresAt: string; status: string };
}

/** Opens a link as an iframe would: no Authorization header. */
const open = (gw: TestGateway, url: string) => gw.app.request(url);

describe('signed screen-pop links', () => {
  it('makes an absolute one-use URL that names the customer by id only, and opens without an API key', async () => {
    const gw = await createTestGateway();
    const link = await linkFor(gw, { identifiers: { phone: ANA.phone } });
    expect(link.status).toBe('known');
    expect(link.url).toMatch(/^http:\/\/gateway\.internal:3000\/v1\/channels\/contact-center\/screen-pop\?customerId=[^&]+&format=html&token=/);
    expect(link.url).not.toContain('34600123456');
    expect(Date.parse(link.expiresAt)).toBe(gw.now + 300_000);
    const first = await open(gw, link.url);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Ana García');
    const again = await open(gw, link.url);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('expired');
  });

  it('uses the configured public URL', async () => {
    const gw = await createTestGateway({ settings: { publicUrl: 'https://cx.example.com/omnikernel/' } });
    const link = await linkFor(gw, { identifiers: { email: ANA.email }, format: 'json', locale: 'es-ES', ttlSeconds: 60 });
    expect(link.url.startsWith('https://cx.example.com/omnikernel/v1/channels/contact-center/screen-pop?')).toBe(true);
    const path = link.url.replace('https://cx.example.com/omnikernel', '');
    const res = await open(gw, path);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { customer: { firstName: string } }).customer.firstName).toBe('Ana');
  });

  it('refuses a token used for another customer, a forged token, and a bad token as problem+json', async () => {
    const gw = await createTestGateway();
    const link = await linkFor(gw, { identifiers: { email: ANA.email }, format: 'json' });
    const token = new URL(link.url).searchParams.get('token')!;
    const other = await open(gw, `/v1/channels/contact-center/screen-pop?email=${BEN.email}&token=${token}`);
    expect(other.status).toBe(403);
    const forged = await open(gw, `/v1/channels/contact-center/screen-pop?email=${ANA.email}&token=${token.slice(0, -2)}xx`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    const email = await open(gw, `/v1/channels/contact-center/screen-pop?email=${ANA.email}&token=${gw.deps.signer.sign('x', 'email')}`);
    expect(email.status).toBe(401);
  });

  it('gives an unknown or withheld caller a link to the default offer that cannot show a customer', async () => {
    const gw = await createTestGateway();
    const link = await linkFor(gw, { identifiers: { phone: 'anonymous' }, format: 'json' });
    expect(link.status).toBe('unknown');
    expect(link.url).not.toContain('customerId=');
    const res = await open(gw, link.url);
    expect(((await res.json()) as { status: string; nextBestOffer: { offerId: string } })).toMatchObject({ status: 'unknown', nextBestOffer: { offerId: 'o-default' } });
    const another = await linkFor(gw, { identifiers: { phone: '' } });
    const token = new URL(another.url).searchParams.get('token')!;
    expect((await open(gw, `/v1/channels/contact-center/screen-pop?email=${ANA.email}&token=${token}`)).status).toBe(403);
  });

  it('validates the request and needs an API key', async () => {
    const gw = await createTestGateway();
    expect((await makeLink(gw, { identifiers: { phone: ANA.phone } }, {})).status).toBe(401);
    const bad = await makeLink(gw, { identifiers: { fax: '1' }, ttlSeconds: 99999 });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.identifiers', 'body.ttlSeconds']));
  });
});
