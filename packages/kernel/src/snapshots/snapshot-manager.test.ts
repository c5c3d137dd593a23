import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger, PluginStateReader } from '@omnikernel/sdk';
import { tinyCatalog } from '../testing/fixtures.ts';
import { SnapshotManager } from './snapshot-manager.ts';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const state = {} as PluginStateReader;

function manager(sharedState: boolean, catalog = { current: tinyCatalog(1) }) {
  const build = vi.fn(async () => ({ built: build.mock.calls.length }));
  const m = new SnapshotManager('learner', { build, refreshEveryMs: 1_000, refreshAfterChanges: 100 }, { state, catalog: () => catalog.current, options: {}, logger: silent, sharedState });
  return { m, build, catalog };
}

afterEach(() => vi.useRealTimers());

describe('periodic snapshot rebuilds', () => {
  it('skip an idle tick when only this instance writes the state', async () => {
    vi.useFakeTimers();
    const { m, build, catalog } = manager(false);
    await m.start();
    expect(build).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(build).toHaveBeenCalledTimes(1);
    m.changed(1); // below the threshold: left to the next tick
    await vi.advanceTimersByTimeAsync(1_000);
    expect(build).toHaveBeenCalledTimes(2);
    catalog.current = tinyCatalog(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(build).toHaveBeenCalledTimes(3);
    m.stop();
  });

  it('rebuild on every tick when other instances write the state too', async () => {
    vi.useFakeTimers();
    const { m, build } = manager(true);
    await m.start();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(build).toHaveBeenCalledTimes(4);
    m.stop();
  });

  it('refresh() waits out a build already running and builds again, so it reads every earlier change', async () => {
    let release: () => void = () => {};
    let reads = 0;
    const build = vi.fn(async () => {
      const seen = ++reads;
      if (seen === 1) await new Promise<void>((resolve) => (release = resolve));
      return { seen };
    });
    const m = new SnapshotManager('learner', { build }, { state, catalog: () => tinyCatalog(1), options: {}, logger: silent, sharedState: false });
    const first = m.rebuild();
    const refreshed = m.refresh();
    release();
    await Promise.all([first, refreshed]);
    expect(build).toHaveBeenCalledTimes(2);
    expect(m.current()?.data).toEqual({ seen: 2 });
  });
});

describe('build reports', () => {
  it('tell of each build, the version built or null for a failed one, and how long it took', async () => {
    const builds: Array<{ plugin: string; version: string | null; seconds: number }> = [];
    let fail = false;
    const build = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (fail) throw new Error('state unreadable');
      return { n: build.mock.calls.length };
    });
    const m = new SnapshotManager('learner', { build }, { state, catalog: () => tinyCatalog(1), options: {}, logger: silent, sharedState: false, onBuilt: (b) => builds.push(b) });
    await m.rebuild();
    fail = true;
    await m.rebuild();
    expect(builds).toHaveLength(2);
    expect(builds[0]).toMatchObject({ plugin: 'learner', version: m.current()?.version });
    expect(builds[0]!.version).toMatch(/^learner@/);
    expect(builds[0]!.seconds).toBeGreaterThanOrEqual(0.015);
    expect(builds[1]).toMatchObject({ plugin: 'learner', version: null });
    // The failed build left the previous snapshot in place.
    expect(m.current()?.data).toEqual({ n: 1 });
  });

  it('reports a build once however many callers share it, and a listener that throws fails nothing', async () => {
    const reports: string[] = [];
    const warnings: string[] = [];
    const logger: Logger = { ...silent, warn: (message) => void warnings.push(message) };
    const build = vi.fn(async () => ({ n: build.mock.calls.length }));
    const m = new SnapshotManager('learner', { build }, {
      state,
      catalog: () => tinyCatalog(1),
      options: {},
      logger,
      sharedState: false,
      onBuilt: (b) => {
        reports.push(b.version ?? 'failed');
        throw new Error('listener broke');
      },
    });
    await expect(Promise.all([m.rebuild(), m.rebuild(), m.rebuild()])).resolves.toBeDefined();
    expect(build).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([m.current()?.version]);
    expect(warnings).toEqual(['snapshot build listener failed']);
    await expect(m.start()).resolves.toBeUndefined();
    m.stop();
  });
});
