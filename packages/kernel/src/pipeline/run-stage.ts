import type { RuntimePlugin } from '../registry/runtime-plugin.ts';
import { runPlugin, type PluginRun, type SharedInput } from './run-plugin.ts';
import type { Random, StateSnapshot } from '@omnikernel/sdk';

/**
 * Runs one stage's waves: plugins of a wave run concurrently, waves in order (`after`).
 * Each plugin gets its own random source, so concurrent plugins cannot disturb each other's draws.
 */
export async function runStage(
  waves: readonly (readonly RuntimePlugin[])[],
  shared: Omit<SharedInput, 'random'>,
  randomFor: (plugin: RuntimePlugin) => Random,
  options: { decisionId: string; snapshotFor: (plugin: RuntimePlugin) => StateSnapshot<unknown> | undefined },
): Promise<PluginRun[]> {
  const runs: PluginRun[] = [];
  for (const wave of waves) {
    const results = await Promise.all(
      wave.map((plugin) => {
        const snapshot = options.snapshotFor(plugin);
        return runPlugin(plugin, { ...shared, random: randomFor(plugin) }, { decisionId: options.decisionId, ...(snapshot ? { snapshot } : {}) });
      }),
    );
    runs.push(...results);
  }
  return runs;
}
