import { definePlugin } from '@omnikernel/sdk';
import type { Observation } from '@omnikernel/sdk';
import { createMemoryPluginState } from '@omnikernel/sdk/testing';
import { describe, expect, it } from 'vitest';
import { createKernel } from './kernel.ts';
import { silentLogger } from './logger.ts';
import { profileFixture, tinyCatalog } from './testing/fixtures.ts';

const observation = (i: number): Observation => ({
  kind: 'event',
  event: { id: `e${i}`, type: 'page_viewed', channel: 'web', occurredAt: '2026-11-23T12:00:00.000Z', identifiers: { deviceId: 'd' }, properties: {} },
  customerId: 'c',
  profile: profileFixture(),
});

describe('kernel.observeBatch', () => {
  it('hands a plugin with observeBatch the whole run in one call, in order, and any other plugin each observation', async () => {
    const calls: string[] = [];
    const batched = definePlugin({
      name: 'batched',
      version: '1.0.0',
      apiVersion: 1,
      stage: 'propose',
      decide: () => ({}),
      observe: () => void calls.push('batched:one'),
      observeBatch: async (observations, { state }) => {
        calls.push(`batched:${observations.map((o) => (o.kind === 'event' ? o.event.id : '')).join(',')}`);
        await state.incr('n', observations.length);
        return 1;
      },
    });
    const single = definePlugin({
      name: 'single',
      version: '1.0.0',
      apiVersion: 1,
      stage: 'propose',
      decide: () => ({}),
      observe: (o) => void calls.push(`single:${o.kind === 'event' ? o.event.id : ''}`),
    });
    const states = new Map<string, ReturnType<typeof createMemoryPluginState>>();
    const kernel = createKernel({
      plugins: [{ plugin: 'batched' }, { plugin: 'single' }],
      builtins: { batched, single },
      logger: silentLogger,
      stateFor: (name) => {
        const state = createMemoryPluginState();
        states.set(name, state);
        return state;
      },
      catalog: () => tinyCatalog(),
    });
    await kernel.start();
    await kernel.observeBatch([observation(1), observation(2), observation(3)]);
    expect(calls.filter((c) => c.startsWith('batched'))).toEqual(['batched:e1,e2,e3']);
    expect(calls.filter((c) => c.startsWith('single'))).toEqual(['single:e1', 'single:e2', 'single:e3']);
    expect(await states.get('batched')?.get('n')).toBe('3');
    await kernel.stop();
  });
});
