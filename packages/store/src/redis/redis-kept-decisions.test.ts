import { describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { uid } from '../contract/fixtures.ts';
import { createKeyLayout } from './keys.ts';
import { storeWithAdmin } from './redis-test-support.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

describe('Redis store: decisions kept by id', () => {
  const redis = storeWithAdmin(url);

  it('keeps the payload as it is, not wrapped in JSON', async () => {
    const text = '{"a":"quoted \\"text\\", 18,50 €"}\n{"b":1}';
    const record = { decisionId: `dec-raw-${uid()}`, payload: Buffer.from(text, 'utf8') };
    await redis.store.saveDecision(record, `c-${uid()}`, 60);
    expect(await redis.admin.get(createKeyLayout('ok').keptDecision(record.decisionId))).toBe(`p:${text}`);
    expect(await redis.store.getDecision(record.decisionId)).toEqual(record);
  });

  it('still reads decisions kept as JSON records', async () => {
    const record = { decisionId: `dec-old-${uid()}`, payload: '{"decision":{"decisionId":"x","title":"18,50 €"}}' };
    await redis.admin.set(createKeyLayout('ok').keptDecision(record.decisionId), JSON.stringify(record), 'EX', 60);
    expect(await redis.store.getDecision(record.decisionId)).toEqual({ ...record, payload: Buffer.from(record.payload, 'utf8') });
  });
});
