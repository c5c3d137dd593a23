import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RedisTestContext } from '../../../../test/support/global-setup.ts';
import { runStoreContract } from '../contract/index.ts';
import { createRedisStore } from './redis-store.ts';

const url: RedisTestContext['redisUrl'] = inject('redisUrl');

runStoreContract('redis', () => createRedisStore({ url }), { describe, it, expect, beforeEach, afterEach });
