import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { uid } from '../contract/fixtures.ts';
import type { CustomerStore } from '../store.ts';
import { createKeyLayout } from './keys.ts';
import { createRedisStore } from './redis-store.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

describe('Redis store: decisions kept by id', () => {
  let store: CustomerStore;
  let admin: Redis;
  beforeAll(async () => {
    store = await createRedisStore({ url });
    admin = new Redis(url);
  });
  afterAll(async () => {
    await store.close();
    admin.disconnect();
  });

  it('keeps the payload as it is, not wrapped in JSON', async () => {
    const record = { decisionId: `dec-raw-${uid()}`, payload: '{"a":"quoted \\"text\\""}\n{"b":1}' };
    await store.saveDecision(record, `c-${uid()}`, 60);
    expect(await admin.get(createKeyLayout('ok').keptDecision(record.decisionId))).toBe(`p:${record.payload}`);
    expect(await store.getDecision(record.decisionId)).toEqual(record);
  });

  it('still reads decisions kept as JSON records', async () => {
    const record = { decisionId: `dec-old-${uid()}`, payload: '{"decision":{"decisionId":"x"}}' };
    await admin.set(createKeyLayout('ok').keptDecision(record.decisionId), JSON.stringify(record), 'EX', 60);
    expect(await store.getDecision(record.decisionId)).toEqual(record);
  });
});
