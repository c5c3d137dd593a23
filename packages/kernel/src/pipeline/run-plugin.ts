import { ErrorCodes, type Contribution, type DecideInput, type Degradation, type StateSnapshot } from '@omnikernel/sdk';
import { SpanAttributes, SpanNames, withSpan } from '../tracing.ts';
import type { RuntimePlugin } from '../registry/runtime-plugin.ts';
import { checkContribution } from './check-contribution.ts';

/** What every plugin of a decision shares; the kernel adds options, signal, snapshot and logger. */
export type SharedInput = Omit<DecideInput, 'options' | 'signal' | 'snapshot' | 'logger'>;

export type PluginRun =
  | { readonly ok: true; readonly plugin: RuntimePlugin; readonly contribution: Contribution; readonly snapshotVersion?: string }
  | { readonly ok: false; readonly plugin: RuntimePlugin; readonly degradation: Degradation; readonly snapshotVersion?: string };

const TIMED_OUT = Symbol('timed-out');

/**
 * Runs one plugin's `decide` in isolation: skipped while its breaker is open, given its own
 * deadline (the kernel stops waiting *and* aborts the signal), errors caught, output validated.
 * Never throws.
 */
export async function runPlugin(
  plugin: RuntimePlugin,
  shared: SharedInput,
  options: { decisionId: string; snapshot?: StateSnapshot<unknown> },
): Promise<PluginRun> {
  const snapshot = options.snapshot ?? plugin.snapshots?.current();
  const snapshotVersion = snapshot?.version;
  const fail = (code: string, message: string): PluginRun => ({ ok: false, plugin, degradation: { plugin: plugin.name, code, message }, snapshotVersion });

  if (!plugin.breaker.allow()) {
    const state = plugin.breaker.state;
    return state === 'disabled'
      ? fail(ErrorCodes.PLUGIN_FATAL, `disabled until restart after a fatal error: ${plugin.breaker.lastError}`)
      : fail(ErrorCodes.PLUGIN_CIRCUIT_OPEN, `skipped: failing repeatedly (last: ${plugin.breaker.lastError})`);
  }

  return withSpan(SpanNames.plugin, { [SpanAttributes.pluginName]: plugin.name, [SpanAttributes.decisionId]: options.decisionId }, async (span) => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    plugin.stats.calls += 1;
    try {
      const input: DecideInput = { ...shared, options: plugin.options, signal: controller.signal, snapshot, logger: plugin.logger };
      await undefined; // decide runs in a microtask, as it always has: a plugin never runs inside its caller's turn
      const answer = plugin.definition.decide(input);
      // A synchronous answer is complete: no deadline could have interrupted it (a timer cannot fire
      // while decide runs), so none is set. A promise races the rest of the plugin's time.
      const result = isThenable(answer)
        ? await Promise.race([
            answer,
            new Promise<typeof TIMED_OUT>((resolve) => {
              timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, plugin.timeoutMs - (performance.now() - started)));
            }),
          ])
        : answer;
      if (result === TIMED_OUT) {
        controller.abort(new Error(`plugin '${plugin.name}' timed out after ${plugin.timeoutMs} ms`));
        plugin.stats.timeouts += 1;
        plugin.breaker.failure('timeout');
        span.setAttribute(SpanAttributes.outcome, 'timeout');
        return fail(ErrorCodes.PLUGIN_TIMEOUT, `no answer within ${plugin.timeoutMs} ms`);
      }
      const checked = checkContribution(result ?? {});
      if (!checked.ok) {
        const { message } = checked;
        plugin.stats.failures += 1;
        plugin.breaker.failure(message);
        span.setAttribute(SpanAttributes.outcome, 'invalid');
        return fail(ErrorCodes.PLUGIN_INVALID_OUTPUT, message);
      }
      plugin.breaker.success();
      span.setAttribute(SpanAttributes.outcome, 'ok');
      return { ok: true, plugin, contribution: checked.contribution, snapshotVersion };
    } catch (error) {
      const err = error as Error & { code?: string };
      plugin.stats.failures += 1;
      span.setAttribute(SpanAttributes.outcome, 'threw');
      if (err?.code === ErrorCodes.PLUGIN_FATAL) {
        plugin.breaker.disable(err.message);
        plugin.logger.error('plugin raised a fatal error; disabled until restart', { error: err.message });
        return fail(ErrorCodes.PLUGIN_FATAL, err.message);
      }
      plugin.breaker.failure(String(err?.message ?? err));
      return fail(ErrorCodes.PLUGIN_THREW, String(err?.message ?? err));
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      plugin.stats.totalMs += performance.now() - started;
    }
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
