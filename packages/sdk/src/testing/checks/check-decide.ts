import { contributionSchema } from '../../contribution-schema.ts';
import type { Contribution } from '../../types/contribution.ts';
import type { ContractFixture, ContractProblem } from '../contract-types.ts';
import { firstDifference } from '../first-difference.ts';
import { type DecideEnv, buildDecideInput, isMutationError, messageOf, settle } from './decide-input.ts';

const DEFAULT_TIMEOUT_MS = 50;

/**
 * Runs `decide` twice on fresh frozen copies of one fixture and checks that it neither throws
 * nor mutates its input, returns a valid contribution, gives the same output both times and
 * stays within its time budget. Returns problems and warnings.
 */
export async function checkDecide(env: DecideEnv, fixture: ContractFixture, graceMs: number): Promise<{ problems: ContractProblem[]; warnings: ContractProblem[] }> {
  const { plugin } = env;
  const problems: ContractProblem[] = [];
  const warnings: ContractProblem[] = [];
  const say = (list: ContractProblem[], check: ContractProblem['check'], message: string) =>
    list.push({ check, fixture: fixture.name, message: `plugin '${plugin.name}': ${message} (fixture '${fixture.name}')` });

  const budget = plugin.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // As the kernel does: abort the signal at the time budget, and stop waiting a little later.
  const run = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`ran past ${budget} ms`, 'TimeoutError')), budget);
    const result = await settle(() => plugin.decide(buildDecideInput(env, fixture, controller.signal)), budget + graceMs);
    clearTimeout(timer);
    return result;
  };
  const first = await run();
  // A short pause so output derived from the wall clock differs between the two runs.
  await new Promise((resolve) => setTimeout(resolve, 3));
  const second = await run();

  if (!first.ok) {
    if (first.timedOut) {
      say(problems, 'decide', `decide did not settle within ${budget + graceMs} ms (timeoutMs ${budget} + ${graceMs} grace): the kernel would time it out every time`);
    } else if (isMutationError(first.error)) {
      say(problems, 'immutability', `decide mutates its input: ${messageOf(first.error)}. Inputs are frozen: copy before sorting or changing (e.g. [...list].sort())`);
    } else {
      say(problems, 'decide', `decide threw: ${messageOf(first.error)}`);
    }
    return { problems, warnings };
  }
  const output = first.value as Contribution | undefined;
  const parsed = contributionSchema.safeParse(output);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    say(problems, 'output', `decide returned a contribution that does not validate: ${issues.join('; ')}`);
  }
  const diff = second.ok ? firstDifference(first.value, second.value) : `the second run threw ${messageOf(second.error)}`;
  if (diff) {
    say(problems, 'determinism', `decide is not deterministic: the same input gave different output at ${diff}. Use input.random and input.clock, never Math.random or Date.now`);
  }
  if (second.ok && first.ms > budget && second.ms > budget) {
    say(problems, 'decide', `decide took ${Math.round(Math.min(first.ms, second.ms))} ms, over its timeoutMs of ${budget}: the kernel would time it out`);
  }
  if (parsed.success && output) warnAbout(output, env, fixture, (m) => say(warnings, 'output', m));
  return { problems, warnings };
}

/** Legal but likely wrong: ids the catalog does not know, more items than asked, compose proposing. */
function warnAbout(output: Contribution, env: DecideEnv, fixture: ContractFixture, warn: (message: string) => void): void {
  for (const offer of output.offers ?? []) if (!env.catalog.offer(offer.offerId)) warn(`proposes offer '${offer.offerId}', which the catalog does not have`);
  for (const item of output.items ?? []) if (!env.catalog.product(item.productId)) warn(`proposes product '${item.productId}', which the catalog does not have`);
  const max = fixture.maxRecommendations ?? 10;
  if ((output.items?.length ?? 0) > max) warn(`returns ${output.items?.length} items when maxRecommendations is ${max}`);
  if (env.plugin.stage === 'compose' && (output.offers?.length || output.items?.length)) {
    warn('is a compose plugin but proposes offers or items, which arrive after arbitration and are ignored');
  }
}
