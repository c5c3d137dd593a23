import { randomUUID } from 'node:crypto';
import { StoreConflictError } from '../errors.ts';
import type { RedisContext } from './context.ts';
import { runScript } from './scripts.ts';
import { DELETE_IF } from './record-scripts.ts';

const LOCK_TTL_MS = 10_000;

/**
 * Runs `fn` holding the locks of these customers (taken in id order, so two mergers never wait on
 * each other). Only merges and erasures lock; event writes do not, they rely on the version
 * compare-and-set. A lock expires after 10 s should its holder die.
 */
export async function withCustomerLocks<T>(ctx: RedisContext, ids: readonly string[], fn: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  const sorted = [...new Set(ids)].sort();
  const held: string[] = [];
  try {
    for (const id of sorted) {
      await acquire(ctx, id, token);
      held.push(id);
    }
    return await fn();
  } finally {
    await Promise.all(held.map((id) => runScript(ctx.client, DELETE_IF, [ctx.keys.lock(id)], [token]).catch(() => undefined)));
  }
}

async function acquire(ctx: RedisContext, id: string, token: string): Promise<void> {
  const deadline = Date.now() + ctx.lockWaitMs;
  for (let attempt = 0; ; attempt++) {
    if ((await ctx.client.set(ctx.keys.lock(id), token, 'PX', LOCK_TTL_MS, 'NX')) === 'OK') return;
    if (Date.now() > deadline) {
      throw new StoreConflictError(`customer '${id}' is locked by a merge or an erasure for more than ${ctx.lockWaitMs} ms; retry the call`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 5 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random())));
  }
}
