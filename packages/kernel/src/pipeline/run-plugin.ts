import { ErrorCodes, type Contribution, type DecideInput, type Degradation, type Random, type StateSnapshot } from '@omnikernel/sdk';
import { inSpan, SpanAttributes, SpanNames, startSpan } from '../tracing.ts';
import type { RuntimePlugin } from '../registry/runtime-plugin.ts';
import { checkContribution } from './check-contribution.ts';
import { RunSignal } from './run-signal.ts';

/** What every plugin of a decision shares; the kernel adds options, signal, snapshot, logger and random. */
export type SharedInput = Omit<DecideInput, 'options' | 'signal' | 'snapshot' | 'logger' | 'random'>;

export type PluginRun =
  | { readonly ok: true; readonly plugin: RuntimePlugin; readonly contribution: Contribution; readonly snapshotVersion?: string }
  | { readonly ok: false; readonly plugin: RuntimePlugin; readonly degradation: Degradation; readonly snapshotVersion?: string };

const TIMED_OUT = Symbol('timed-out');

/**
 * Runs one plugin's `decide` in isolation: skipped while its breaker is open, given its own
 * deadline (the kernel stops waiting *and* aborts the signal), errors caught, output validated.
 * Never throws. A plugin that answers synchronously is run and checked synchronously: no promise,
 * no timer, no microtask is made for it (four plugins a decision, most of them synchronous).
 */
export function runPlugin(
  plugin: RuntimePlugin,
  shared: SharedInput,
  options: { decisionId: string; random: Random; snapshot?: StateSnapshot<unknown> },
): PluginRun | Promise<PluginRun> {
  const snapshot = options.snapshot ?? plugin.snapshots?.current();
  const snapshotVersion = snapshot?.version;
  const fail = (code: string, message: string): PluginRun => ({ ok: false, plugin, degradation: { plugin: plugin.name, code, message }, snapshotVersion });

  if (!plugin.breaker.allow()) {
    const state = plugin.breaker.state;
    return state === 'disabled'
      ? fail(ErrorCodes.PLUGIN_FATAL, `disabled until restart after a fatal error: ${plugin.breaker.lastError}`)
      : fail(ErrorCodes.PLUGIN_CIRCUIT_OPEN, `skipped: failing repeatedly (last: ${plugin.breaker.lastError})`);
  }

  const span = startSpan(SpanNames.plugin, { [SpanAttributes.pluginName]: plugin.name, [SpanAttributes.decisionId]: options.decisionId });
  const abort = new RunSignal(plugin.spareSignal);
  const started = performance.now();
  plugin.stats.calls += 1;
  const done = (run: PluginRun): PluginRun => {
    abort.release();
    plugin.stats.totalMs += performance.now() - started;
    span.end();
    return run;
  };
  const threw = (error: unknown): PluginRun => {
    const err = error as Error & { code?: string };
    plugin.stats.failures += 1;
    span.setAttribute(SpanAttributes.outcome, 'threw');
    if (err?.code === ErrorCodes.PLUGIN_FATAL) {
      plugin.breaker.disable(err.message);
      plugin.logger.error('plugin raised a fatal error; disabled until restart', { error: err.message });
      return done(fail(ErrorCodes.PLUGIN_FATAL, err.message));
    }
    plugin.breaker.failure(String(err?.message ?? err));
    return done(fail(ErrorCodes.PLUGIN_THREW, String(err?.message ?? err)));
  };
  const checked = (result: unknown): PluginRun => {
    const check = checkContribution(result ?? {});
    if (!check.ok) {
      plugin.stats.failures += 1;
      plugin.breaker.failure(check.message);
      span.setAttribute(SpanAttributes.outcome, 'invalid');
      return done(fail(ErrorCodes.PLUGIN_INVALID_OUTPUT, check.message));
    }
    plugin.breaker.success();
    span.setAttribute(SpanAttributes.outcome, 'ok');
    return done({ ok: true, plugin, contribution: check.contribution, snapshotVersion });
  };

  let answer: unknown;
  try {
    const input: DecideInput = {
      profile: shared.profile,
      catalog: shared.catalog,
      context: shared.context,
      clock: shared.clock,
      maxRecommendations: shared.maxRecommendations,
      ...(shared.decision !== undefined ? { decision: shared.decision } : {}),
      random: options.random,
      options: plugin.options,
      get signal() {
        return abort.signal;
      },
      snapshot,
      logger: plugin.logger,
    };
    answer = inSpan(span, () => plugin.definition.decide(input));
  } catch (error) {
    return threw(error);
  }
  // A synchronous answer is complete: no deadline could have interrupted it (a timer cannot fire
  // while decide runs), so none is set. A promise races the rest of the plugin's time.
  if (!isThenable(answer)) {
    try {
      return checked(answer);
    } catch (error) {
      return threw(error);
    }
  }
  return raced(answer, plugin, started).then((result) => {
    if (result !== TIMED_OUT) return checked(result);
    abort.abort(new Error(`plugin '${plugin.name}' timed out after ${plugin.timeoutMs} ms`));
    plugin.stats.timeouts += 1;
    plugin.breaker.failure('timeout');
    span.setAttribute(SpanAttributes.outcome, 'timeout');
    return done(fail(ErrorCodes.PLUGIN_TIMEOUT, `no answer within ${plugin.timeoutMs} ms`));
  }).catch(threw);
}

/** The answer, or TIMED_OUT when the rest of the plugin's time runs out first. */
async function raced(answer: PromiseLike<unknown>, plugin: RuntimePlugin, started: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      answer,
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, plugin.timeoutMs - (performance.now() - started)));
      }),
    ]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
