import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type ChannelDecision } from '@omnikernel/kernel';
import { bootGateway, type Gateway } from '../boot.ts';
import { settingsSchema } from '../config/settings.ts';
import { DEMO_CUSTOMERS } from '../demo/index.ts';
import { utf8 } from '../http/plain-response.ts';
import { TEST_KEY_SPECS } from '../testing/test-keys.ts';
import { publicDecision } from './public-decision.ts';
import { webEnvelope } from './web-envelope.ts';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await bootGateway({ settings: settingsSchema.parse({ demo: true, apiKeys: TEST_KEY_SPECS, logLevel: 'silent' }), configDir: process.cwd(), logger: createLogger({ level: 'silent' }), metrics: false });
}, 120_000);
afterAll(() => gateway.close());

const serialised = (channel: string, decision: ChannelDecision) => Buffer.from(utf8(JSON.stringify({ channel, decision: publicDecision(decision) })));

describe('the web envelope spliced around the held bytes', () => {
  it('is byte for byte the envelope serialised from the decision, for every featured customer, channel and a stranger', async () => {
    const who = [...Object.values(DEMO_CUSTOMERS).map((c) => ({ email: c.email })), { email: 'nobody-at-all@example.com' }];
    for (const identifiers of who) {
      for (const channel of ['web', 'app', 'store']) {
        const { current } = await gateway.deps.decisions.current(identifiers, { channel });
        const spliced = Buffer.from(webEnvelope(channel, current));
        expect(spliced.equals(serialised(channel, current.decision())), `${identifiers.email} ${channel}`).toBe(true);
        // Non-ASCII text (a '€' in the e-mail content) comes through as the same UTF-8.
        expect(JSON.parse(spliced.toString('utf8')).decision.explanation.href).toBe(`/v1/decisions/${current.decisionId}`);
      }
    }
  });

  it('serialises from the decision when the held bytes do not end with the explanation', () => {
    const decision = { decisionId: 'dec_x', explanation: { inputs: { customerId: 'c' } } } as unknown as ChannelDecision;
    const current = { decisionId: 'dec_x', json: Buffer.from('{"decisionId":"dec_x"}\n'), decision: () => decision };
    expect(Buffer.from(webEnvelope('web', current)).equals(serialised('web', decision))).toBe(true);
  });
});
