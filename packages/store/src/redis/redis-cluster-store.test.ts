import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { runStoreContract } from '../contract/index.ts';
import { createRedisStore } from './redis-store.ts';

const clusterNodes: RedisTestContext['redisClusterNodes'] = inject('redisClusterNodes');

runStoreContract('redis-cluster', () => createRedisStore({ clusterNodes }), { describe, it, expect, beforeEach, afterEach });
