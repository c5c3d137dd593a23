import { pluginLabel } from './checks/check-manifest.ts';
import { checkPluginContract } from './check-plugin-contract.ts';
import type { ContractCheck, ContractOptions, ContractReport } from './contract-types.ts';

/**
 * The parts of vitest (or a look-alike runner) the kit uses. Pass `{ describe, it, expect }`
 * from 'vitest'; the SDK does not import vitest itself.
 */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
  expect(actual: unknown): { toEqual(expected: unknown): void };
}

const TITLES: readonly (readonly [ContractCheck, string])[] = [
  ['manifest', 'has a valid manifest (brand, kebab-case name, semver, apiVersion, stage)'],
  ['options', 'parses its options, with defaults'],
  ['setup', 'sets up and tears down without throwing'],
  ['learning', 'observes fixture events and outcomes and builds a deterministic snapshot'],
  ['decide', 'decides for every fixture without throwing, within its timeoutMs'],
  ['output', 'returns contributions that pass contributionSchema'],
  ['determinism', 'is deterministic: the same input gives the same output'],
  ['immutability', 'does not mutate its (frozen) inputs'],
  ['abort', 'settles soon after its AbortSignal is aborted'],
];

/**
 * Registers the plugin contract as a vitest suite: one test per check, each failing with the
 * kit's messages (which name the plugin, the fixture and the likely fix).
 *
 * @example
 * import { describe, expect, it } from 'vitest';
 * import { runPluginContract } from '@omnikernel/sdk/testing';
 * import plugin from './index.ts';
 *
 * runPluginContract(plugin, { describe, it, expect });
 */
export function runPluginContract(plugin: unknown, test: TestApi, contract: ContractOptions = {}): void {
  let pending: Promise<ContractReport> | undefined;
  const report = () => (pending ??= checkPluginContract(plugin, contract));
  const timeoutMs = (plugin as { timeoutMs?: unknown } | null)?.timeoutMs;
  const budget = 10_000 + 4 * ((typeof timeoutMs === 'number' ? timeoutMs : 50) + (contract.graceMs ?? 100));
  const given = contract.options === undefined ? '' : ` with options ${JSON.stringify(contract.options)}`;
  test.describe(`plugin contract: ${pluginLabel(plugin)}${given}`, () => {
    for (const [check, title] of TITLES) {
      test.it(title, async () => {
        const { problems } = await report();
        test.expect(problems.filter((p) => p.check === check).map((p) => p.message)).toEqual([]);
      }, budget);
    }
  });
}
