import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import type { CustomerStore } from '../store.ts';
import { createRedisStore } from './redis-store.ts';

/** A profile as Redis holds it, read by a store with an empty cache. */
export async function readFresh(url: string, customerId: string) {
  const fresh = await createRedisStore({ url });
  try {
    return await fresh.getProfile(customerId);
  } finally {
    await fresh.close();
  }
}

/** A store and a plain client on the test Redis for one `describe` block (set in `beforeAll`). */
export function storeWithAdmin(url: string): { store: CustomerStore; admin: Redis } {
  const held = {} as { store: CustomerStore; admin: Redis };
  beforeAll(async () => {
    held.store = await createRedisStore({ url });
    held.admin = new Redis(url);
  });
  afterAll(async () => {
    await held.store.close();
    held.admin.disconnect();
  });
  return held;
}
