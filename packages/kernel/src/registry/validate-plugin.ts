import { ErrorCodes, isPluginDefinition, OmnikernelError, SUPPORTED_API_VERSIONS, type AnyPlugin } from '@omnikernel/sdk';
import type { ResolvedEntry } from './plugin-entry.ts';

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A plugin that passed every check, with its validated options. */
export interface ValidatedPlugin {
  readonly definition: AnyPlugin;
  readonly options: unknown;
  readonly weight: number;
  readonly timeoutMs: number;
}

/** Checks one plugin's manifest and options; returns every problem found, each naming the plugin. */
export function validatePlugin(entry: ResolvedEntry, defaultTimeoutMs: number): { plugin?: ValidatedPlugin; problems: OmnikernelError[] } {
  const problems: OmnikernelError[] = [];
  const d = entry.definition as Partial<AnyPlugin>;
  const who = typeof d?.name === 'string' ? `plugin '${d.name}'` : `plugin '${entry.specifier}'`;
  const invalid = (message: string) => problems.push(new OmnikernelError(ErrorCodes.PLUGIN_INVALID, `${who}: ${message}`));

  if (!isPluginDefinition(d)) {
    invalid('the module does not export a plugin made with definePlugin() from @omnikernel/sdk (default export expected).');
    return { problems };
  }
  if (typeof d.name !== 'string' || !NAME.test(d.name)) invalid(`name must be kebab-case (got ${JSON.stringify(d.name)}).`);
  if (typeof d.version !== 'string' || !SEMVER.test(d.version)) invalid(`version must be semver such as 1.0.0 (got ${JSON.stringify(d.version)}).`);
  if (!SUPPORTED_API_VERSIONS.includes(d.apiVersion as number)) {
    problems.push(
      new OmnikernelError(
        ErrorCodes.PLUGIN_API_VERSION,
        `${who} targets apiVersion ${String(d.apiVersion)}; this kernel supports ${SUPPORTED_API_VERSIONS.join(', ')}. Upgrade omnikernel or use a version of the plugin built for apiVersion ${SUPPORTED_API_VERSIONS.at(-1)}.`,
      ),
    );
  }
  if (d.stage !== 'propose' && d.stage !== 'compose') invalid(`stage must be 'propose' or 'compose' (got ${JSON.stringify(d.stage)}).`);
  if (typeof d.decide !== 'function') invalid('decide must be a function.');
  if (d.after !== undefined && (!Array.isArray(d.after) || d.after.some((a) => typeof a !== 'string'))) invalid('after must be an array of plugin names.');
  const timeoutMs = entry.timeoutMs ?? d.timeoutMs ?? defaultTimeoutMs;
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= 60_000)) invalid(`timeoutMs must be between 1 and 60000 (got ${String(timeoutMs)}).`);
  const weight = entry.weight ?? 1;
  if (!(typeof weight === 'number' && weight >= 0 && Number.isFinite(weight))) invalid(`weight must be a non-negative number (got ${String(weight)}).`);

  let options: unknown = entry.rawOptions ?? {};
  if (d.options) {
    const parsed = d.options.safeParse(entry.rawOptions ?? {});
    if (parsed.success) options = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const field = ['options', ...issue.path.map(String)].join('.');
        problems.push(new OmnikernelError(ErrorCodes.PLUGIN_OPTIONS, `${who}: invalid option '${field}': ${issue.message}.`));
      }
    }
  }
  if (problems.length > 0) return { problems };
  return { plugin: { definition: d as AnyPlugin, options, weight, timeoutMs }, problems };
}
