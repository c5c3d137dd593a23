import { describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { eventually, uid } from '../contract/fixtures.ts';
import type { ChangeNotice } from '../store.ts';
import { createKeyLayout } from './keys.ts';
import { createRedisStore } from './redis-store.ts';
import { storeWithAdmin } from './redis-test-support.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

describe('Redis store: committing a decision', () => {
  const redis = storeWithAdmin(url);

  it("tells every other instance, lists the decision under the customer, and sets the kept copy's ttl", async () => {
    const other = await createRedisStore({ url });
    const heard: ChangeNotice[] = [];
    const stop = other.onChange((n) => heard.push(n));
    try {
      const customer = `c-${uid()}`;
      const record = { decisionId: `dec-${uid()}`, payload: Buffer.from('{"price":"18,50 €"}', 'utf8') };
      expect(await redis.store.commitDecision(customer, record, null, 60, 120)).toEqual({ ok: true });
      await eventually(async () => heard.some((n) => n.kind === 'decision' && n.customerId === customer));
      const keys = createKeyLayout('ok');
      expect(await redis.admin.zrange(keys.decisionIndex(customer), 0, -1)).toEqual([record.decisionId]);
      const ttl = await redis.admin.ttl(keys.keptDecision(record.decisionId));
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
      // A loser publishes nothing.
      const before = heard.length;
      expect((await redis.store.commitDecision(customer, { decisionId: `dec-${uid()}`, payload: Buffer.from('{}') }, null, 60, 120)).ok).toBe(false);
      await redis.store.putCurrentDecision(`c-${uid()}`, { decisionId: `dec-${uid()}`, payload: Buffer.from('{}') }, null, 60);
      await eventually(async () => heard.length > before);
      expect(heard.slice(before).every((n) => n.customerId !== customer)).toBe(true);
    } finally {
      stop();
      await other.close();
    }
  });
});
