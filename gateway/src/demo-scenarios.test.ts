import { createLogger } from '@omnikernel/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootGateway, type Gateway } from './boot.ts';
import { settingsSchema } from './config/settings.ts';
import { json, TEST_KEY_SPECS, TEST_KEYS } from './testing/test-keys.ts';

// The demo retailer exercises every built-in plugin; the clock is frozen and moved by the test.
// Tuesday 24 Nov 2026, 14:45 in Madrid (UTC+1): lunch time, 15 minutes before it ends.
const LUNCH = Date.parse('2026-11-24T13:45:00Z');
let now = LUNCH;
let gateway: Gateway;

interface Served {
  decision: {
    decisionId: string;
    validUntil: string;
    offers: { offerId: string; source: string; reasons: string[] }[];
    nextBestOffer: { offerId: string; script?: string } | null;
    recommendations: { productId: string; repeat: boolean; reasons: string[]; source: string }[];
  };
}

const decide = async (email: string): Promise<Served['decision']> => {
  const res = await gateway.app.request('/v1/decisions', { method: 'POST', headers: json(TEST_KEYS.admin), body: JSON.stringify({ identifiers: { email }, channel: 'app' }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as Served).decision;
};

beforeAll(async () => {
  gateway = await bootGateway({
    settings: settingsSchema.parse({ demo: true, apiKeys: TEST_KEY_SPECS, logLevel: 'silent' }),
    configDir: process.cwd(),
    logger: createLogger({ level: 'silent' }),
    now: () => now,
    metrics: false,
  });
}, 120_000);
afterAll(() => gateway.close());

describe('the demo retailer', () => {
  it('gives Lucía, 300 m from the Madrid store at lunch time, the lunch offer until lunch ends in Madrid', async () => {
    now = LUNCH;
    const decision = await decide('lucia.martin@example.com');
    const lunch = decision.offers.find((o) => o.source === 'geo-time-offers');
    expect(lunch?.offerId).toBe('offer-lunch-coffee');
    expect(lunch?.reasons.join(' ')).toMatch(/Madrid/);
    expect(decision.validUntil).toBe('2026-11-24T14:00:00.000Z'); // 15:00 in Madrid

    now = Date.parse('2026-11-24T13:59:59Z');
    expect((await decide('lucia.martin@example.com')).decisionId).toBe(decision.decisionId);

    now = Date.parse('2026-11-24T14:00:00Z');
    const after = await decide('lucia.martin@example.com');
    expect(after.decisionId).not.toBe(decision.decisionId);
    expect(after.offers.map((o) => o.offerId)).not.toContain('offer-lunch-coffee');
  });

  it('gives James, who left an espresso machine in his cart, the abandoned-cart offer with an agent script', async () => {
    now = LUNCH;
    const decision = await decide('james.carter@example.com');
    expect(decision.nextBestOffer?.offerId).toBe('offer-abandoned-cart-10');
    expect(decision.nextBestOffer?.script).toMatch(/Espresso Machine/);
  });

  it('gives Sofía, who buys in the Polanco store, cross-sell recommendations next to her repeats', async () => {
    now = LUNCH;
    const decision = await decide('sofia.hernandez@example.com');
    const crossSell = decision.recommendations.filter((r) => !r.repeat);
    expect(crossSell.length).toBeGreaterThan(0);
    expect(crossSell.some((r) => /Goes with|bought with/i.test(r.reasons.join(' ')))).toBe(true);
    expect(decision.recommendations.every((r) => r.source === 'recommendations')).toBe(true);
  });
});
