import { describe, expect, it } from 'vitest';
import { createEventSchema, createOutcomeSchema } from './schema.ts';

const base = {
  id: 'e1',
  channel: 'web',
  occurredAt: '2026-03-02T09:00:00Z',
  identifiers: { deviceId: 'd-1' },
};

/** The first issue of a failed parse, as `path: message`. */
function issue(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string {
  const first = result.error?.issues[0];
  return first === undefined ? 'ok' : `${first.path.join('.')}: ${first.message}`;
}

describe('createEventSchema', () => {
  const schema = createEventSchema({ channels: ['kiosk'] });

  it('accepts every built-in type with its properties', () => {
    const valid: Array<[string, Record<string, unknown>]> = [
      ['page_viewed', { url: '/x', title: 'X' }],
      ['product_viewed', { productId: 'p1' }],
      ['cart_updated', { items: [] }],
      ['cart_abandoned', {}],
      ['purchase', { orderId: 'o1', items: [{ productId: 'p1', quantity: 2, price: 0 }], storeId: 's1', currency: 'EUR', total: 10 }],
      ['store_visit', { storeId: 's1' }],
      ['location', { lat: 40.4, lon: -3.7, accuracyM: 12, storeId: 's1' }],
      ['call', { productIds: ['p1'], topics: ['returns'], outcome: 'resolved', durationSec: 300 }],
      ['chat', {}],
      ['email_opened', { campaignId: 'c1' }],
      ['email_clicked', { campaignId: 'c1', url: 'https://x' }],
      ['consent_updated', { consent: { marketing: true } }],
      ['consent_updated', { purpose: 'sms', granted: false }],
      ['identify', { traits: { firstName: 'Ana' } }],
      ['custom:loyalty_tier_changed', { tier: 'gold', anything: [1, 2] }],
    ];
    for (const [type, properties] of valid) {
      expect(issue(schema.safeParse({ ...base, type, properties })), type).toBe('ok');
    }
  });

  it('keeps unknown properties (they are exported with the raw event) and defaults properties to {}', () => {
    const parsed = schema.parse({ ...base, type: 'page_viewed', properties: { url: '/', campaign: 'x' } });
    expect(parsed.properties).toEqual({ url: '/', campaign: 'x' });
    expect(schema.parse({ ...base, type: 'page_viewed' }).properties).toEqual({});
  });

  it('accepts a configured custom channel and refuses an unknown one', () => {
    expect(issue(schema.safeParse({ ...base, type: 'page_viewed', channel: 'kiosk' }))).toBe('ok');
    expect(issue(schema.safeParse({ ...base, type: 'page_viewed', channel: 'fax' }))).toMatch(/^channel: /);
  });

  it.each([
    [{ id: '' }, 'id'],
    [{ id: 'x'.repeat(129) }, 'id'],
    [{ type: 'clicked_thing' }, 'type'],
    [{ type: 'custom:' }, 'type'],
    [{ occurredAt: 'yesterday' }, 'occurredAt'],
    [{ identifiers: {} }, 'identifiers'],
    [{ identifiers: { phone: 'anonymous' } }, 'identifiers'],
    [{ type: 'product_viewed', properties: {} }, 'properties.productId'],
    [{ type: 'purchase', properties: { items: [{ productId: 'p', quantity: 0, price: 1 }] } }, 'properties.items.0.quantity'],
    [{ type: 'purchase', properties: { items: [{ productId: 'p', quantity: 1, price: -1 }] } }, 'properties.items.0.price'],
    [{ type: 'purchase', properties: { items: [] } }, 'properties.items'],
    [{ type: 'purchase', properties: { items: [{ productId: 'p', quantity: 1, price: 1 }], currency: 'euro' } }, 'properties.currency'],
    [{ type: 'location', properties: { lat: 91, lon: 0 } }, 'properties.lat'],
    [{ type: 'store_visit', properties: {} }, 'properties.storeId'],
    [{ type: 'consent_updated', properties: { consent: { marketing: 'yes' } } }, 'properties'],
    [{ type: 'page_viewed', properties: { timezone: 'Mars/Olympus' } }, 'properties.timezone'],
    [{ type: 'page_viewed', properties: { country: 'Spain' } }, 'properties.country'],
  ])('refuses %j, naming %s', (change, path) => {
    const result = schema.safeParse({ ...base, type: 'page_viewed', ...change });
    expect(result.success).toBe(false);
    expect(issue(result).split(': ')[0]).toBe(path);
  });
});

describe('createOutcomeSchema', () => {
  const schema = createOutcomeSchema();
  const outcome = { id: 'o1', type: 'clicked', decisionId: 'd1', channel: 'email', occurredAt: '2026-03-02T09:00:00+01:00' };

  it('accepts an outcome about an offer or a product', () => {
    expect(issue(schema.safeParse({ ...outcome, offerId: 'f1' }))).toBe('ok');
    expect(issue(schema.safeParse({ ...outcome, productId: 'p1' }))).toBe('ok');
  });

  it('refuses one about neither, or of an unknown type', () => {
    expect(issue(schema.safeParse(outcome))).toMatch(/^offerId: /);
    expect(issue(schema.safeParse({ ...outcome, offerId: 'f', type: 'liked' }))).toMatch(/^type: /);
  });
});
