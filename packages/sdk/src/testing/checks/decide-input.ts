import { deepFreeze } from '../../runtime/deep-freeze.ts';
import { createFrozenClock } from '../../runtime/frozen-clock.ts';
import { createSeededRandom } from '../../runtime/seeded-random.ts';
import type { CatalogView } from '../../types/catalog.ts';
import type { Logger } from '../../types/context.ts';
import type { AnyPlugin, DecideInput } from '../../types/plugin.ts';
import type { StateSnapshot } from '../../types/state.ts';
import type { ContractFixture } from '../contract-types.ts';
import { fixtureDecision } from '../default-fixtures.ts';

/** What every `decide` call of one contract run shares. */
export interface DecideEnv {
  readonly plugin: AnyPlugin;
  readonly catalog: CatalogView;
  /** Parsed and deep-frozen. */
  readonly options: unknown;
  readonly snapshot: StateSnapshot<unknown> | undefined;
  readonly logger: Logger;
}

/**
 * A fresh, deep-frozen input for one `decide` call, as the kernel would build it: a frozen
 * clock at the fixture's instant and a random source seeded from the plugin, fixture and
 * profile version (so two calls get the same numbers).
 */
export function buildDecideInput(env: DecideEnv, fixture: ContractFixture, signal: AbortSignal): DecideInput {
  const { plugin, catalog } = env;
  const decision = plugin.stage === 'compose' ? deepFreeze(structuredClone(fixture.decision ?? fixtureDecision(fixture, catalog))) : undefined;
  return Object.freeze({
    profile: deepFreeze(structuredClone(fixture.profile)),
    catalog,
    context: deepFreeze(structuredClone(fixture.context)),
    clock: createFrozenClock(fixture.at),
    random: createSeededRandom(`${plugin.name}|${fixture.name}|${fixture.profile.version}`),
    options: env.options,
    signal,
    snapshot: env.snapshot,
    maxRecommendations: fixture.maxRecommendations ?? 10,
    ...(decision ? { decision } : {}),
    logger: env.logger,
  });
}

/** How a call ended, and how long it took. `timedOut`: it had not settled by the limit. */
export type Settled<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number; timedOut?: true };

/** Runs a hook, turning a throw (sync or async) into a value; gives up waiting after `limitMs`. */
export async function settle<T>(fn: () => T | Promise<T>, limitMs = Number.POSITIVE_INFINITY): Promise<Settled<T>> {
  const start = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Settled<T>>((resolve) => {
    if (Number.isFinite(limitMs)) timer = setTimeout(() => resolve({ ok: false, error: new Error(`did not settle within ${limitMs} ms`), ms: limitMs, timedOut: true }), limitMs);
  });
  const run = new Promise<T>((resolve) => resolve(fn())).then(
    (value): Settled<T> => ({ ok: true, value, ms: performance.now() - start }),
    (error: unknown): Settled<T> => ({ ok: false, error, ms: performance.now() - start }),
  );
  const result = await Promise.race([run, deadline]);
  clearTimeout(timer);
  return result;
}

/** True for the TypeError strict-mode code throws when it writes to a frozen object. */
export function isMutationError(error: unknown): boolean {
  return error instanceof TypeError && /read[- ]only|not extensible|frozen|Cannot (assign|add|delete|define|redefine)/i.test(error.message);
}

/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
