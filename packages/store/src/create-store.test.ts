import { describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../test/support/global-setup.ts';
import { createStore } from './create-store.ts';

const redisUrl: RedisTestContext['redisUrl'] = inject('redisUrl');
const redisClusterNodes: RedisTestContext['redisClusterNodes'] = inject('redisClusterNodes');

describe('createStore', () => {
  it('makes the memory store when no Redis is configured', async () => {
    const store = await createStore({ redisUrl: '' });
    expect(store.kind).toBe('memory');
    await store.close();
  });

  it('makes a Redis store from a URL, and a Cluster store from nodes (nodes win)', async () => {
    const single = await createStore({ redisUrl });
    const cluster = await createStore({ redisUrl, redisClusterNodes });
    expect([single.kind, cluster.kind]).toEqual(['redis', 'redis-cluster']);
    expect([single.health(), cluster.health()]).toEqual(['ok', 'ok']);
    await Promise.all([single.close(), cluster.close()]);
  });

  it('fails at start, with a message that names the target, when Redis is not there', async () => {
    await expect(createStore({ redisUrl: 'redis://127.0.0.1:1', connectTimeoutMs: 300 })).rejects.toMatchObject({
      code: 'OMK_ERR_STORE_UNAVAILABLE',
      message: expect.stringContaining('redis://127.0.0.1:1'),
    });
  });
});
