import { definePlugin, ErrorCodes } from '@omnikernel/sdk';
import { describe, expect, it } from 'vitest';
import { createKernel } from './kernel.ts';
import { silentLogger } from './logger.ts';
import { hangingPlugin, profileFixture, steadyPlugin, throwingPlugin, tinyCatalog } from './testing/fixtures.ts';

const request = (over: Partial<Parameters<ReturnType<typeof createKernel>['decide']>[0]> = {}) => ({
  decisionId: 'dec_test',
  profile: profileFixture(),
  catalog: tinyCatalog(),
  contactHistory: [],
  context: { channel: 'web' },
  at: Date.parse('2026-11-23T12:00:00Z'),
  ...over,
});

const plugin = (name: string, stage: 'propose' | 'compose', after: string[] = [], record?: string[]) =>
  definePlugin({
    name,
    version: '1.0.0',
    apiVersion: 1,
    stage,
    after,
    setup: () => void record?.push(`setup:${name}`),
    teardown: () => void record?.push(`teardown:${name}`),
    decide: () => {
      record?.push(`decide:${name}`);
      return {};
    },
  });

describe('createKernel', () => {
  it('serves the healthy plugins and marks the decision degraded when one throws and one never answers', async () => {
    const kernel = createKernel({ plugins: [steadyPlugin, throwingPlugin, hangingPlugin], logger: silentLogger });
    await kernel.start();
    const started = performance.now();
    const decision = await kernel.decide(request());
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(decision.recommendations.map((r) => r.productId)).toContain('p1');
    expect(decision.offers[0]?.offerId).toBe('o-all');
    expect(decision.degraded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ plugin: 'thrower', code: ErrorCodes.PLUGIN_THREW, message: 'database on fire' }),
        expect.objectContaining({ plugin: 'sleeper', code: ErrorCodes.PLUGIN_TIMEOUT }),
      ]),
    );
  });

  it('aborts the signal of a plugin that times out', async () => {
    let aborted: unknown;
    const slow = definePlugin({
      name: 'slow',
      version: '1.0.0',
      apiVersion: 1,
      stage: 'propose',
      timeoutMs: 20,
      decide: ({ signal }) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = signal.reason;
            resolve({});
          });
        }),
    });
    const kernel = createKernel({ plugins: [slow], logger: silentLogger });
    await kernel.start();
    const decision = await kernel.decide(request());
    expect(decision.degraded[0]?.code).toBe(ErrorCodes.PLUGIN_TIMEOUT);
    expect(String(aborted)).toContain('timed out');
  });

  it('gives a deep-equal decision for the same inputs', async () => {
    const kernel = createKernel({ plugins: [steadyPlugin], logger: silentLogger });
    await kernel.start();
    const a = await kernel.decide(request());
    const b = await kernel.decide(request());
    expect(b).toEqual(a);
    const later = await kernel.decide(request({ at: Date.parse('2026-11-23T12:00:01Z') }));
    expect(later.explanation.inputs.fingerprint).not.toBe(a.explanation.inputs.fingerprint);
  });

  it('ranks, filters out-of-stock items, and keeps prices from the catalog', async () => {
    const kernel = createKernel({ plugins: [steadyPlugin], logger: silentLogger });
    await kernel.start();
    const decision = await kernel.decide(request());
    expect(decision.recommendations.map((r) => r.productId)).not.toContain('p3');
    expect(decision.recommendations.find((r) => r.productId === 'p1')?.price).toBe(29.99);
    expect(decision.explanation.arbitration.find((e) => e.id === 'p3')).toMatchObject({ kept: false, reason: 'out of stock everywhere' });
    expect(decision.nextBestOffer?.offerId).toBe('o-all');
    expect(decision.offers[0]?.score).toBeCloseTo(0.5 * 5);
  });

  it('orders plugins by stage and after, sets up in order and tears down in reverse', async () => {
    const record: string[] = [];
    const kernel = createKernel({
      plugins: [plugin('mail', 'compose', [], record), plugin('b', 'propose', ['a'], record), plugin('a', 'propose', [], record)],
      logger: silentLogger,
    });
    await kernel.start();
    expect(kernel.plugins().map((p) => p.name)).toEqual(['a', 'b', 'mail']);
    await kernel.decide(request());
    expect(record.filter((r) => r.startsWith('decide'))).toEqual(['decide:a', 'decide:b', 'decide:mail']);
    await kernel.stop();
    expect(record.filter((r) => !r.startsWith('decide'))).toEqual(['setup:a', 'setup:b', 'setup:mail', 'teardown:mail', 'teardown:b', 'teardown:a']);
  });

  it('refuses a cycle, naming the plugins', async () => {
    const kernel = createKernel({ plugins: [plugin('x', 'propose', ['y']), plugin('y', 'propose', ['x'])], logger: silentLogger });
    await expect(kernel.start()).rejects.toThrow(/cycle.*'x' → 'y' → 'x'|cycle.*'y' → 'x' → 'y'/);
  });

  it('refuses a bad option, naming the plugin and the field', async () => {
    const kernel = createKernel({ plugins: [{ plugin: steadyPlugin, options: { boost: 'lots' } }], logger: silentLogger });
    await expect(kernel.start()).rejects.toThrow(/plugin 'steady': invalid option 'options\.boost'/);
  });

  it('refuses an unsupported apiVersion, saying which it supports', async () => {
    const future = definePlugin({ name: 'future', version: '2.0.0', apiVersion: 2, stage: 'propose', decide: () => ({}) });
    const kernel = createKernel({ plugins: [future], logger: silentLogger });
    await expect(kernel.start()).rejects.toThrow("plugin 'future' targets apiVersion 2; this kernel supports 1");
  });

  it('lists every problem at once', async () => {
    const future = definePlugin({ name: 'future', version: '2.0.0', apiVersion: 2, stage: 'propose', decide: () => ({}) });
    const kernel = createKernel({ plugins: [future, { plugin: steadyPlugin, options: { boost: 7 } }, 'no-such-plugin'], logger: silentLogger });
    const error = await kernel.start().then(
      () => null,
      (e: { problems: { code: string }[] }) => e,
    );
    expect(error?.problems.map((p) => p.code).sort()).toEqual([ErrorCodes.PLUGIN_API_VERSION, ErrorCodes.PLUGIN_LOAD, ErrorCodes.PLUGIN_OPTIONS].sort());
  });

  it('skips an optional plugin that fails to load', async () => {
    const kernel = createKernel({ plugins: [steadyPlugin, { plugin: './does-not-exist.js', optional: true }], logger: silentLogger });
    await kernel.start();
    expect(kernel.plugins().map((p) => p.name)).toEqual(['steady']);
  });

  it('degrades on invalid output and opens the breaker after repeated failures', async () => {
    const bad = definePlugin({ name: 'bad', version: '1.0.0', apiVersion: 1, stage: 'propose', decide: () => ({ items: [{ productId: 'p1', score: 7, reasons: [] }] }) });
    const kernel = createKernel({ plugins: [bad, steadyPlugin], logger: silentLogger, breaker: { failureThreshold: 2, cooldownMs: 60_000 } });
    await kernel.start();
    const first = await kernel.decide(request());
    expect(first.degraded[0]).toMatchObject({ plugin: 'bad', code: ErrorCodes.PLUGIN_INVALID_OUTPUT });
    await kernel.decide(request());
    const third = await kernel.decide(request());
    expect(third.degraded[0]).toMatchObject({ plugin: 'bad', code: ErrorCodes.PLUGIN_CIRCUIT_OPEN });
    expect(kernel.plugins().find((p) => p.name === 'bad')?.health).toBe('open');
  });

  it('falls back to the default offer when nothing is eligible', async () => {
    const kernel = createKernel({ plugins: [], logger: silentLogger });
    await kernel.start();
    const decision = await kernel.decide(request());
    expect(decision.nextBestOffer).toMatchObject({ offerId: 'o-default', source: 'kernel' });
  });

  it('suppresses an offer rejected on another channel', async () => {
    const kernel = createKernel({ plugins: [steadyPlugin], logger: silentLogger });
    await kernel.start();
    const decision = await kernel.decide(
      request({ contactHistory: [{ outcomeId: 'x', type: 'rejected', decisionId: 'd', channel: 'contact_center', at: '2026-11-23T11:00:00Z', offerId: 'o-all' }] }),
    );
    expect(decision.offers.map((o) => o.offerId)).not.toContain('o-all');
  });

  it('gives plugins their services through tokens', async () => {
    const { createToken } = await import('@omnikernel/sdk');
    const Greeting = createToken<string>('test.greeting');
    let seen = '';
    const p = definePlugin({ name: 'greeter', version: '1.0.0', apiVersion: 1, stage: 'propose', setup: ({ services }) => void (seen = services.get(Greeting)), decide: () => ({}) });
    const kernel = createKernel({ plugins: [p], logger: silentLogger });
    kernel.provide(Greeting, { useValue: 'hola' });
    await kernel.start();
    expect(seen).toBe('hola');
  });
});
