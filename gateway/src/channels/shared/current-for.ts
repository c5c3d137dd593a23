import type { CurrentResult } from '@omnikernel/kernel';
import type { Channel, Identifiers } from '@omnikernel/sdk';
import type { GatewayDeps } from '../../deps.ts';
import { isAnonymous } from './channel-identifiers.ts';

/**
 * The current decision for a channel request: the customer's own when the identifiers name one,
 * otherwise the decision service's anonymous decision (the catalog's default offer). With no usable
 * identifier at all the store is not asked: a withheld number is unknown by definition.
 */
export async function currentFor(deps: GatewayDeps, identifiers: Identifiers, channel: Channel): Promise<CurrentResult> {
  const result = isAnonymous(identifiers)
    ? ({ status: 'unknown', current: await deps.decisions.anonymous({ channel }) } as const)
    : await deps.decisions.current(identifiers, { channel });
  deps.metrics.decisionsServed(result.status === 'unknown' ? 'anonymous' : result.computed ? 'computed' : 'reused');
  return result;
}
