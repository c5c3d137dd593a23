import type { RuntimePlugin } from '../registry/runtime-plugin.ts';
import { isThenable, runPlugin, type PluginRun, type SharedInput } from './run-plugin.ts';
import type { Random, StateSnapshot } from '@omnikernel/sdk';

/**
 * Runs one stage's waves: plugins of a wave run concurrently, waves in order (`after`).
 * Each plugin gets its own random source, so concurrent plugins cannot disturb each other's draws.
 * A wave starts in a microtask of its own: a plugin never runs inside its caller's turn.
 */
export async function runStage(
  waves: readonly (readonly RuntimePlugin[])[],
  shared: SharedInput,
  randomFor: (plugin: RuntimePlugin) => Random,
  options: { decisionId: string; snapshotFor: (plugin: RuntimePlugin) => StateSnapshot<unknown> | undefined },
): Promise<PluginRun[]> {
  const runs: PluginRun[] = [];
  for (const wave of waves) {
    await undefined;
    const started: (PluginRun | Promise<PluginRun>)[] = [];
    for (const plugin of wave) {
      const snapshot = options.snapshotFor(plugin);
      started.push(runPlugin(plugin, shared, { decisionId: options.decisionId, random: randomFor(plugin), ...(snapshot ? { snapshot } : {}) }));
    }
    // Every plugin of the wave is started before any is waited for.
    for (const run of started) runs.push(isThenable(run) ? await run : run);
  }
  return runs;
}
