import { randomUUID } from 'node:crypto';
import type { CustomerEvent, EventType, Identifiers } from '@omnikernel/sdk';
import type { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerStore } from '../store.ts';

/** The vitest functions the suite runs with, passed in so the suite has no test-runner import of its own. */
export interface VitestApi {
  readonly describe: typeof describe;
  readonly it: typeof it;
  readonly expect: typeof expect;
  readonly beforeEach: typeof beforeEach;
  readonly afterEach: typeof afterEach;
}

/** What each section of the suite gets: vitest and the store of the running test. */
export interface ContractContext {
  readonly t: VitestApi;
  readonly store: () => CustomerStore;
}

/** A short unique tag: every test uses its own identifiers, so stores need no flush between tests. */
export function uid(): string {
  return randomUUID().replaceAll('-', '').slice(0, 12);
}

const BASE = Date.parse('2026-03-02T09:00:00.000Z');

/** An instant `minutes` after the suite's base time. */
export function at(minutes: number): string {
  return new Date(BASE + minutes * 60_000).toISOString();
}

/** An event with sensible defaults. */
export function event(
  type: EventType,
  identifiers: Identifiers,
  properties: Record<string, unknown> = {},
  extra: Partial<Pick<CustomerEvent, 'id' | 'channel' | 'occurredAt'>> = {},
): CustomerEvent {
  return {
    id: extra.id ?? `e-${uid()}`,
    type,
    channel: extra.channel ?? 'web',
    occurredAt: extra.occurredAt ?? at(0),
    identifiers,
    properties,
  };
}

/** Waits for `check` to hold, polling every 10 ms, up to `timeoutMs` (for expiries only the clock can bring). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
