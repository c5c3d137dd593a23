import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStoreContract } from '../contract/index.ts';
import { createMemoryStore } from './memory-store.ts';

runStoreContract('memory', async () => createMemoryStore(), { describe, it, expect, beforeEach, afterEach });

describe('memory store retention of past decisions', () => {
  it('keeps at most maxKeptDecisions, dropping the oldest first', async () => {
    const store = createMemoryStore({ maxKeptDecisions: 3 });
    await store.ingest([{ id: 'e1', type: 'page_viewed', channel: 'web', occurredAt: '2026-01-01T00:00:00Z', identifiers: { customerId: 'c-keep' }, properties: {} }]);
    for (const n of [1, 2, 3, 4, 5]) await store.saveDecision({ decisionId: `d${n}`, payload: Buffer.from('{}') }, 'c-keep', 3600);
    expect(await store.getDecision('d1')).toBeNull();
    expect(await store.getDecision('d2')).toBeNull();
    expect((await store.getDecision('d5'))?.decisionId).toBe('d5');
    expect((await store.getDecision('d3'))?.decisionId).toBe('d3');
  });
});
