import type { CurrentDecision } from '@omnikernel/kernel';
import type { Channel, Identifiers, Profile } from '@omnikernel/sdk';
import type { GatewayDeps } from '../../deps.ts';
import { currentFor } from './current-for.ts';

/** Who is on the line and the decision to show them. */
export interface CallerLookup {
  /** `fallback`: the store failed, so the default offer is shown for a caller we could not look up. */
  readonly status: 'known' | 'unknown' | 'fallback';
  readonly customerId: string | null;
  readonly profile: Profile | null;
  readonly current: CurrentDecision;
}

/**
 * The caller's current decision and profile for a contact-center channel. A person is waiting,
 * so a failing store does not become an error page or a flow's Error branch: the anonymous
 * decision (the default offer) is served as `fallback` and the failure is logged.
 */
export async function lookUpCaller(deps: GatewayDeps, identifiers: Identifiers, channel: Channel, requestId: string): Promise<CallerLookup> {
  try {
    const result = await currentFor(deps, identifiers, channel);
    if (result.status === 'unknown') return { status: result.storeFailed ? 'fallback' : 'unknown', customerId: null, profile: null, current: result.current };
    return { status: 'known', customerId: result.customerId, profile: await deps.store.getProfile(result.customerId), current: result.current };
  } catch (error) {
    deps.logger.warn('caller lookup failed; serving the default offer', { requestId, channel, error: (error as Error).message });
    return { status: 'fallback', customerId: null, profile: null, current: await deps.decisions.anonymous({ channel }) };
  }
}
