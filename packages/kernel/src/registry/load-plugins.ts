import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, isPluginDefinition, OmnikernelError, type AnyPlugin, type Logger } from '@omnikernel/sdk';
import { describeEntry, type PluginEntry, type ResolvedEntry } from './plugin-entry.ts';

/** Built-in plugins by name; a loader function keeps unused ones out of memory. */
export type BuiltinPlugins = Readonly<Record<string, AnyPlugin | (() => Promise<unknown>)>>;

export interface LoadPluginsOptions {
  readonly builtins?: BuiltinPlugins;
  /** Relative paths resolve from here (the configuration file's folder). */
  readonly configDir?: string;
  readonly logger: Logger;
}

/** Picks the plugin out of an imported module: its default export, or the one named export that is a plugin. */
function pluginOf(mod: unknown): unknown {
  if (isPluginDefinition(mod)) return mod;
  const m = mod as Record<string, unknown>;
  if (isPluginDefinition(m?.default)) return m.default;
  const named = Object.values(m ?? {}).filter(isPluginDefinition);
  return named.length === 1 ? named[0] : (m?.default ?? mod);
}

async function importTarget(target: string, options: LoadPluginsOptions): Promise<unknown> {
  const builtin = options.builtins?.[target];
  if (builtin) return typeof builtin === 'function' ? pluginOf(await builtin()) : builtin;
  const isPath = target.startsWith('.') || isAbsolute(target);
  const specifier = isPath ? pathToFileURL(resolve(options.configDir ?? process.cwd(), target)).href : target;
  return pluginOf(await import(specifier));
}

/**
 * Imports every configured plugin. A plugin that fails to import stops the start unless it is
 * `optional`, in which case it is logged and skipped. Every failure is reported at once.
 */
export async function loadPlugins(
  entries: readonly PluginEntry[],
  options: LoadPluginsOptions,
): Promise<{ resolved: ResolvedEntry[]; problems: OmnikernelError[]; skipped: { specifier: string; reason: string }[] }> {
  const resolved: ResolvedEntry[] = [];
  const problems: OmnikernelError[] = [];
  const skipped: { specifier: string; reason: string }[] = [];
  await Promise.all(
    entries.map(async (entry, index) => {
      const { target, options: rawOptions, optional, weight, timeoutMs } = describeEntry(entry);
      const specifier = typeof target === 'string' ? target : ((target as { name?: string }).name ?? `plugins[${index}]`);
      try {
        const definition = typeof target === 'string' ? await importTarget(target, options) : target;
        resolved[index] = { specifier, definition, rawOptions, optional, weight, timeoutMs };
      } catch (error) {
        const reason = (error as Error).message;
        if (optional) {
          options.logger.warn('optional plugin skipped: it failed to load', { plugin: specifier, reason });
          skipped.push({ specifier, reason });
          return;
        }
        const known = Object.keys(options.builtins ?? {}).join(', ');
        problems.push(
          new OmnikernelError(
            ErrorCodes.PLUGIN_LOAD,
            `plugin '${specifier}' could not be loaded: ${reason}. Use a built-in name (${known}), an installed package or a path relative to the configuration file; mark it "optional": true to start without it.`,
            { cause: error },
          ),
        );
      }
    }),
  );
  return { resolved: resolved.filter(Boolean), problems, skipped };
}
