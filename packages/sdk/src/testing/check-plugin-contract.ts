import { OmnikernelError } from '../errors.ts';
import { deepFreeze } from '../runtime/deep-freeze.ts';
import { tokens } from '../tokens.ts';
import type { Token, ServiceResolver } from '../tokens.ts';
import type { CatalogView } from '../types/catalog.ts';
import type { AnyPlugin } from '../types/plugin.ts';
import { checkAbort } from './checks/check-abort.ts';
import { checkDecide } from './checks/check-decide.ts';
import { checkManifest, pluginLabel } from './checks/check-manifest.ts';
import { type DecideEnv, messageOf, settle } from './checks/decide-input.ts';
import { parseOptions } from './checks/parse-options.ts';
import { prepareLearning } from './checks/prepare-learning.ts';
import type { ContractOptions, ContractProblem, ContractReport } from './contract-types.ts';
import { defaultFixtures } from './default-fixtures.ts';
import { fixtureCatalog } from './fixture-catalog.ts';
import { createRecordingLogger } from './recording-logger.ts';

/**
 * Runs a plugin through the contract without a test runner and reports every problem found:
 * manifest, options with defaults, setup/observe/snapshot, and `decide` on every fixture
 * (throws, input mutation, determinism, output schema, time budget, abort handling).
 *
 * @example
 * const report = await checkPluginContract(myPlugin, { options: { topN: 3 } });
 * if (!report.ok) console.error(report.problems.map((p) => p.message).join('\n'));
 */
export async function checkPluginContract(plugin: unknown, contract: ContractOptions = {}): Promise<ContractReport> {
  const label = pluginLabel(plugin);
  const problems: ContractProblem[] = [];
  const warnings: ContractProblem[] = [];
  const report = (): ContractReport => ({ plugin: label, ok: problems.length === 0, problems, warnings });

  const manifest = checkManifest(plugin);
  problems.push(...manifest.problems);
  if (manifest.fatal) return report();
  const p = plugin as AnyPlugin;

  const parsed = parseOptions(label, p.options, contract.options);
  problems.push(...parsed.problems);
  if (parsed.problems.length > 0) {
    problems.push({ check: 'decide', message: `plugin '${label}': decide was not run because its options did not parse` });
    return report();
  }
  const options = deepFreeze(parsed.options);
  const catalog = contract.catalog ?? fixtureCatalog();
  const fixtures = contract.fixtures ?? defaultFixtures();
  const logger = createRecordingLogger();

  if (p.setup) {
    const setup = await settle(() => p.setup?.({ options, logger, services: servicesFor(label, options, catalog, logger) }));
    if (!setup.ok) problems.push({ check: 'setup', message: `plugin '${label}': setup threw: ${messageOf(setup.error)}` });
  }
  const learning = await prepareLearning({ plugin: p, catalog, options, fixtures, contract, logger });
  problems.push(...learning.problems);

  const env: DecideEnv = { plugin: p, catalog, options, snapshot: learning.snapshot, logger };
  const graceMs = contract.graceMs ?? 100;
  for (const fixture of fixtures) {
    const result = await checkDecide(env, fixture, graceMs);
    problems.push(...result.problems);
    warnings.push(...result.warnings);
  }
  const aborts = await Promise.all(fixtures.map((f) => checkAbort(env, f, graceMs)));
  problems.push(...aborts.flat());

  if (p.teardown) {
    const teardown = await settle(() => p.teardown?.());
    if (!teardown.ok) problems.push({ check: 'setup', message: `plugin '${label}': teardown threw: ${messageOf(teardown.error)}` });
  }
  return report();
}

/** The services the kernel registers for every plugin; anything else is missing, as in a bare kernel. */
function servicesFor(name: string, options: unknown, catalog: CatalogView, logger: ReturnType<typeof createRecordingLogger>): ServiceResolver {
  const known = new Map<symbol, unknown>([
    [tokens.logger.symbol, logger],
    [tokens.options.symbol, options],
    [tokens.pluginName.symbol, name],
    [tokens.catalog.symbol, () => catalog],
  ]);
  return {
    get<T>(token: Token<T>): T {
      if (!known.has(token.symbol)) {
        throw new OmnikernelError('OMK_ERR_SERVICE_MISSING', `plugin '${name}' asked for ${token.toString()}, which the contract kit does not provide`);
      }
      return known.get(token.symbol) as T;
    },
    has: (token) => known.has(token.symbol),
  };
}
