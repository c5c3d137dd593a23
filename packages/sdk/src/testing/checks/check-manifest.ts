import { SUPPORTED_API_VERSIONS } from '../../api-version.ts';
import { isPluginDefinition } from '../../define-plugin.ts';
import type { ContractProblem } from '../contract-types.ts';

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** The name to use in messages, whatever the value is. */
export function pluginLabel(plugin: unknown): string {
  const name = typeof plugin === 'object' && plugin !== null ? (plugin as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? name : '(unnamed)';
}

/**
 * Checks what the kernel checks at load: the brand, name, version, apiVersion, stage, hooks.
 * `fatal` is set when the value cannot be run at all (no `decide`).
 */
export function checkManifest(plugin: unknown): { problems: ContractProblem[]; fatal: boolean } {
  const label = pluginLabel(plugin);
  const problems: ContractProblem[] = [];
  const fail = (message: string) => problems.push({ check: 'manifest', message: `plugin '${label}': ${message}` });
  if (typeof plugin !== 'object' || plugin === null) {
    fail(`is ${plugin === null ? 'null' : typeof plugin}, not a plugin: default-export definePlugin({...}) from the package`);
    return { problems, fatal: true };
  }
  const p = plugin as Record<string, unknown>;
  if (!isPluginDefinition(plugin)) fail('is not branded: wrap the spec in definePlugin({...}) from @omnikernel/sdk');
  if (typeof p.name !== 'string' || !KEBAB.test(p.name)) fail(`name ${JSON.stringify(p.name)} is not kebab-case (e.g. 'next-best-offer')`);
  if (typeof p.version !== 'string' || !SEMVER.test(p.version)) fail(`version ${JSON.stringify(p.version)} is not semver (e.g. '1.0.0')`);
  if (typeof p.apiVersion !== 'number' || !SUPPORTED_API_VERSIONS.includes(p.apiVersion)) {
    fail(`targets apiVersion ${JSON.stringify(p.apiVersion)}; this SDK supports ${SUPPORTED_API_VERSIONS.join(', ')}`);
  }
  if (p.stage !== 'propose' && p.stage !== 'compose') fail(`stage ${JSON.stringify(p.stage)} is neither 'propose' nor 'compose'`);
  if (p.after !== undefined && (!Array.isArray(p.after) || p.after.some((a) => typeof a !== 'string'))) fail('after must be an array of plugin names');
  if (p.timeoutMs !== undefined && (typeof p.timeoutMs !== 'number' || !(p.timeoutMs > 0) || !Number.isFinite(p.timeoutMs))) {
    fail(`timeoutMs ${JSON.stringify(p.timeoutMs)} must be a positive number of milliseconds`);
  }
  if (p.options !== undefined && typeof (p.options as { safeParse?: unknown } | null)?.safeParse !== 'function') {
    fail('options must be a zod schema (e.g. z.object({...}))');
  }
  for (const hook of ['setup', 'observe', 'teardown'] as const) {
    if (p[hook] !== undefined && typeof p[hook] !== 'function') fail(`${hook} must be a function`);
  }
  const snapshot = p.snapshot as { build?: unknown } | undefined;
  if (snapshot !== undefined && typeof snapshot?.build !== 'function') fail('snapshot.build must be a function');
  const noDecide = typeof p.decide !== 'function';
  if (noDecide) fail('has no decide function');
  return { problems, fatal: noDecide };
}
