import { deepFreeze } from '../../runtime/deep-freeze.ts';
import type { CatalogView } from '../../types/catalog.ts';
import type { Logger } from '../../types/context.ts';
import type { AnyPlugin, Observation } from '../../types/plugin.ts';
import type { PluginStateWriter, StateSnapshot } from '../../types/state.ts';
import type { ContractFixture, ContractOptions, ContractProblem } from '../contract-types.ts';
import { fixtureOutcomes } from '../fixture-events.ts';
import { firstDifference } from '../first-difference.ts';
import { createMemoryPluginState } from '../memory-plugin-state.ts';
import { isMutationError, messageOf, settle } from './decide-input.ts';

interface LearningInput {
  readonly plugin: AnyPlugin;
  readonly catalog: CatalogView;
  readonly options: unknown;
  readonly fixtures: readonly ContractFixture[];
  readonly contract: ContractOptions;
  readonly logger: Logger;
}

/**
 * Observes the fixtures' events and the outcomes into plugin state (when the plugin has
 * `observe`) and builds the snapshot twice (when it has `snapshot`): a build must not fail
 * and must give the same data from the same state, or decisions could not be replayed.
 */
export async function prepareLearning(input: LearningInput): Promise<{ snapshot: StateSnapshot<unknown> | undefined; problems: ContractProblem[] }> {
  const { plugin, catalog, options, logger } = input;
  const problems: ContractProblem[] = [];
  const fail = (check: 'learning' | 'immutability', message: string) => problems.push({ check, message: `plugin '${plugin.name}': ${message}` });
  const state = await stateFor(input.contract.snapshotState);

  if (plugin.observe) {
    for (const observation of observations(input.fixtures, input.contract)) {
      const result = await settle(() => plugin.observe?.(deepFreeze(observation), { state, catalog, options, logger }));
      if (result.ok) continue;
      const what = observation.kind === 'event' ? `event '${observation.event.id}' (${observation.event.type})` : `outcome '${observation.outcome.id}' (${observation.outcome.type})`;
      if (isMutationError(result.error)) fail('immutability', `observe mutates its observation of ${what}: ${messageOf(result.error)}. Observations are read-only: copy before changing`);
      else fail('learning', `observe threw on ${what}: ${messageOf(result.error)}. observe must tolerate every event type and missing properties`);
    }
  }
  if (!plugin.snapshot) return { snapshot: undefined, problems };

  const first = await settle(() => plugin.snapshot!.build({ state, catalog, options }));
  if (!first.ok) {
    fail('learning', `snapshot.build threw: ${messageOf(first.error)}`);
    return { snapshot: undefined, problems };
  }
  const second = await settle(() => plugin.snapshot!.build({ state, catalog, options }));
  const diff = second.ok ? firstDifference(first.value, second.value) : `threw ${messageOf(second.error)}`;
  if (diff) fail('learning', `snapshot.build is not deterministic: two builds from the same state differ at ${diff}. Sort what you read (keys(), hgetall) before using it`);
  return { snapshot: deepFreeze({ version: 'contract-1', data: first.value }), problems };
}

async function stateFor(given: ContractOptions['snapshotState']): Promise<PluginStateWriter> {
  if (given && typeof given === 'object') return given;
  const state = createMemoryPluginState();
  if (typeof given === 'function') await given(state);
  return state;
}

function observations(fixtures: readonly ContractFixture[], contract: ContractOptions): Observation[] {
  const events: Observation[] = fixtures.flatMap((f) =>
    (f.events ?? []).map((event) => ({ kind: 'event' as const, event, customerId: f.profile.customerId, profile: f.profile })),
  );
  const profiles = new Map(fixtures.map((f) => [f.profile.customerId, f.profile]));
  const outcomes: Observation[] = (contract.outcomes ?? fixtureOutcomes).map((outcome) => {
    const profile = profiles.get(outcome.customerId);
    return { kind: 'outcome' as const, outcome, customerId: outcome.customerId, ...(profile ? { profile } : {}) };
  });
  return [...events, ...outcomes].map((o) => structuredClone(o));
}
