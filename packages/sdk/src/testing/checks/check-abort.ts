import type { ContractFixture, ContractProblem } from '../contract-types.ts';
import { type DecideEnv, buildDecideInput, settle } from './decide-input.ts';

const DEFAULT_TIMEOUT_MS = 50;

/**
 * Checks that `decide` honours its AbortSignal: called with an already-aborted signal, and with
 * one aborted at `timeoutMs`, it must settle (return or throw) within `timeoutMs + graceMs`.
 * A synchronous busy loop cannot be interrupted from here: that hangs the test run instead.
 */
export async function checkAbort(env: DecideEnv, fixture: ContractFixture, graceMs: number): Promise<ContractProblem[]> {
  const timeoutMs = env.plugin.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = timeoutMs + graceMs;
  const problems: ContractProblem[] = [];
  const fail = (how: string) =>
    problems.push({
      check: 'abort',
      fixture: fixture.name,
      message: `plugin '${env.plugin.name}': decide ${how} did not settle within ${limit} ms (timeoutMs ${timeoutMs} + ${graceMs} grace): it ignores input.signal. Check signal.aborted between steps or listen for its 'abort' event, and return or throw (fixture '${fixture.name}')`,
    });

  const aborted = new AbortController();
  aborted.abort(new DOMException('The plugin was aborted before it started', 'AbortError'));
  const atTimeout = new AbortController();
  const timer = setTimeout(() => atTimeout.abort(new DOMException(`The plugin ran past its ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const [early, late] = await Promise.all([
    settle(() => env.plugin.decide(buildDecideInput(env, fixture, aborted.signal)), limit),
    settle(() => env.plugin.decide(buildDecideInput(env, fixture, atTimeout.signal)), limit),
  ]);
  clearTimeout(timer);
  if (!early.ok && early.timedOut) fail('with an already-aborted signal');
  if (!late.ok && late.timedOut) fail('with its signal aborted at timeoutMs');
  return problems;
}
