import type { AnyPlugin } from '@omnikernel/sdk';

/**
 * One entry of the configuration's `plugins` array: a built-in name, a package specifier or a path,
 * or an object with options. Tests and hosts may also hand a definition directly.
 */
export type PluginEntry =
  | string
  | AnyPlugin
  | {
      readonly plugin: string | AnyPlugin;
      readonly options?: unknown;
      /** Log and skip the plugin when it fails to load, instead of stopping the start. */
      readonly optional?: boolean;
      /** Ranking weight of everything this plugin proposes (default 1). */
      readonly weight?: number;
      /** Overrides the plugin's own `timeoutMs`. */
      readonly timeoutMs?: number;
    };

/** An entry whose module has been imported. */
export interface ResolvedEntry {
  readonly specifier: string;
  readonly definition: unknown;
  readonly rawOptions: unknown;
  readonly optional: boolean;
  readonly weight: number | undefined;
  readonly timeoutMs: number | undefined;
}

/** Splits an entry into its parts. */
export function describeEntry(entry: PluginEntry): {
  target: string | AnyPlugin;
  options: unknown;
  optional: boolean;
  weight: number | undefined;
  timeoutMs: number | undefined;
} {
  if (typeof entry === 'string' || (entry as { $$type?: string }).$$type === 'omnikernel.plugin') {
    return { target: entry as string | AnyPlugin, options: undefined, optional: false, weight: undefined, timeoutMs: undefined };
  }
  const e = entry as Exclude<PluginEntry, string | AnyPlugin>;
  return { target: e.plugin, options: e.options, optional: e.optional ?? false, weight: e.weight, timeoutMs: e.timeoutMs };
}
