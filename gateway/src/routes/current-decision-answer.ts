import type { CurrentResult } from '@omnikernel/kernel';
import { cacheControlFor, etagOf, matchesEtag } from '../channels/public-decision.ts';
import { webEnvelope } from '../channels/web-envelope.ts';
import type { GatewayDeps } from '../deps.ts';

/** A current decision's answer, transport-free: the Hono route and the fast lane write the same one. */
export interface CurrentDecisionAnswer {
  readonly status: 200 | 304;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array<ArrayBuffer> | null;
}

/**
 * The answer to "the current decision for this channel": ETag (the decision id) and 304 for a
 * matching `If-None-Match`, Cache-Control bounded by the decision's expiry, whether the customer was
 * known, and bytes rendered once per decision and channel (each later request writes bytes the
 * decision already holds: no JSON, no UTF-8 pass). Counts the decision as served.
 */
export function currentDecisionAnswer(deps: GatewayDeps, result: CurrentResult, channel: string, ifNoneMatch: string | undefined): CurrentDecisionAnswer {
  const { decisionId, meta } = result.current;
  deps.metrics.decisionsServed(result.status === 'unknown' ? 'anonymous' : result.computed ? 'computed' : 'reused');
  const headers: Record<string, string> = {
    etag: etagOf(decisionId),
    'cache-control': cacheControlFor(meta.validUntilMs, deps.now(), Math.floor(deps.settings.decisionMinAgeMs / 1000)),
    // `unresolved`: the store could not be asked, so the fallback decision says nothing about who this is.
    'x-omnikernel-customer': result.status === 'known' ? 'known' : result.storeFailed ? 'unresolved' : 'unknown',
  };
  if (matchesEtag(ifNoneMatch, decisionId)) return { status: 304, headers, body: null };
  const body = result.current.keep(`web:${channel}`, () => webEnvelope(channel, result.current));
  headers['content-type'] = 'application/json; charset=utf-8';
  return { status: 200, headers, body };
}
