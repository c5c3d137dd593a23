import { definePlugin, ErrorCodes, type Contribution } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../kernel.ts';
import { silentLogger } from '../logger.ts';
import { profileFixture, tinyCatalog } from '../testing/fixtures.ts';

const request = { decisionId: 'dec_test', profile: profileFixture(), catalog: tinyCatalog(), contactHistory: [], context: { channel: 'web' }, at: Date.parse('2026-11-23T12:00:00Z') };
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

async function degradedOf(decide: () => Contribution | Promise<Contribution>, timeoutMs = 40) {
  const kernel = createKernel({ plugins: [definePlugin({ name: 'p', version: '1.0.0', apiVersion: 1, stage: 'propose', timeoutMs, decide })], logger: silentLogger });
  await kernel.start();
  return (await kernel.decide(request)).degraded;
}

describe('a plugin run', () => {
  it('counts the deadline from the call: time spent before returning a promise is part of it', async () => {
    const degraded = await degradedOf(() => {
      busy(30);
      return new Promise((resolve) => setTimeout(() => resolve({}), 25));
    });
    expect(degraded).toEqual([expect.objectContaining({ plugin: 'p', code: ErrorCodes.PLUGIN_TIMEOUT })]);
  });

  it('serves a promise answered within the deadline, and a synchronous answer however long it took (nothing could interrupt it)', async () => {
    expect(await degradedOf(() => new Promise((resolve) => setTimeout(() => resolve({}), 5)))).toEqual([]);
    expect(
      await degradedOf(() => {
        busy(50);
        return {};
      }),
    ).toEqual([]);
  });

  it('contains a synchronous throw and an invalid contribution', async () => {
    expect(
      await degradedOf(() => {
        throw new Error('boom');
      }),
    ).toEqual([{ plugin: 'p', code: ErrorCodes.PLUGIN_THREW, message: 'boom' }]);
    expect(await degradedOf(() => ({ items: [{ productId: 'p1', score: 2, reasons: [] }] }))).toEqual([
      { plugin: 'p', code: ErrorCodes.PLUGIN_INVALID_OUTPUT, message: "invalid contribution at 'items.0.score': Too big: expected number to be <=1" },
    ]);
  });
});
