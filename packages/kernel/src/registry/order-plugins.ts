import { ErrorCodes, OmnikernelError } from '@omnikernel/sdk';
import type { ValidatedPlugin } from './validate-plugin.ts';

/**
 * Orders plugins by stage (propose before compose), then by `after`, keeping configuration
 * order among equals. Returns waves: the plugins of one wave run concurrently.
 */
export function orderPlugins(plugins: readonly ValidatedPlugin[]): { waves: ValidatedPlugin[][]; problems: OmnikernelError[] } {
  const problems: OmnikernelError[] = [];
  const byName = new Map<string, ValidatedPlugin>();
  for (const p of plugins) {
    if (byName.has(p.definition.name)) {
      problems.push(new OmnikernelError(ErrorCodes.PLUGIN_DUPLICATE, `plugin '${p.definition.name}' is configured twice; give each plugin one entry.`));
    }
    byName.set(p.definition.name, p);
  }
  for (const p of plugins) {
    for (const dep of p.definition.after ?? []) {
      const target = byName.get(dep);
      if (!target) {
        problems.push(new OmnikernelError(ErrorCodes.PLUGIN_UNKNOWN_AFTER, `plugin '${p.definition.name}' runs after '${dep}', which is not loaded. Add '${dep}' to the plugins or remove it from 'after'.`));
      } else if (target.definition.stage === 'compose' && p.definition.stage === 'propose') {
        problems.push(new OmnikernelError(ErrorCodes.PLUGIN_CYCLE, `plugin '${p.definition.name}' (propose) cannot run after '${dep}' (compose): the propose stage always runs first.`));
      }
    }
  }
  if (problems.length > 0) return { waves: [], problems };

  const waves: ValidatedPlugin[][] = [];
  for (const stage of ['propose', 'compose'] as const) {
    const members = plugins.filter((p) => p.definition.stage === stage);
    const names = new Set(members.map((p) => p.definition.name));
    const done = new Set<string>();
    let remaining = members;
    while (remaining.length > 0) {
      const wave = remaining.filter((p) => (p.definition.after ?? []).every((d) => done.has(d) || !names.has(d)));
      if (wave.length === 0) {
        problems.push(new OmnikernelError(ErrorCodes.PLUGIN_CYCLE, `plugins form a cycle through 'after': ${describeCycle(remaining)}. Remove one of these 'after' entries.`));
        return { waves: [], problems };
      }
      for (const p of wave) done.add(p.definition.name);
      waves.push(wave);
      remaining = remaining.filter((p) => !done.has(p.definition.name));
    }
  }
  return { waves, problems };
}

/** Follows `after` links from a stuck plugin until a name repeats: 'a' → 'b' → 'a'. */
function describeCycle(stuck: readonly ValidatedPlugin[]): string {
  const byName = new Map(stuck.map((p) => [p.definition.name, p]));
  const path: string[] = [];
  let current = stuck[0];
  while (current && !path.includes(current.definition.name)) {
    path.push(current.definition.name);
    current = (current.definition.after ?? []).map((d) => byName.get(d)).find(Boolean);
  }
  if (current) path.push(current.definition.name);
  return path.map((n) => `'${n}'`).join(' → ');
}
