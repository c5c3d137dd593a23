import type { ContractProblem } from '../contract-types.ts';

interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Parses the raw options with the plugin's schema, as the kernel does at load.
 * Without raw options this checks that every option has a default.
 */
export function parseOptions(label: string, schema: unknown, raw: unknown): { options: unknown; problems: ContractProblem[] } {
  if (schema === undefined) return { options: raw ?? {}, problems: [] };
  const result = (schema as SafeParser).safeParse(raw ?? {});
  if (result.success) return { options: result.data, problems: [] };
  const given = raw === undefined ? 'its defaults ({})' : 'the options given';
  const problems = result.error.issues.map((issue) => ({
    check: 'options' as const,
    message: `plugin '${label}': options do not parse with ${given}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}. Give every option a .default(...) or pass options to the kit`,
  }));
  return { options: undefined, problems };
}
