import type { Decision } from '@omnikernel/sdk';
import type { ChannelDecision } from '@omnikernel/kernel';

/**
 * The decision as channels receive it: everything, with the explanation cut to its inputs
 * (the full per-plugin explanation is at GET /v1/decisions/{id}, not on every page view).
 */
export function publicDecision(decision: ChannelDecision): Omit<Decision, 'explanation'> & { explanation: { inputs: Decision['explanation']['inputs']; href: string } } {
  return { ...decision, explanation: { inputs: decision.explanation.inputs, href: `/v1/decisions/${decision.decisionId}` } };
}

/** A strong ETag for a decision id. */
export function etagOf(decisionId: string): string {
  return `"${decisionId}"`;
}

/** True when `If-None-Match` names this decision (strong or weak, list or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, decisionId: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '') === decisionId);
}

/** `private, max-age=N`: never beyond the decision's expiry, nor beyond the minimum age views respect. */
export function cacheControlFor(validUntilMs: number, now: number, maxAgeCapSeconds: number): string {
  const remaining = Math.floor((validUntilMs - now) / 1000);
  return `private, max-age=${Math.max(0, Math.min(remaining, maxAgeCapSeconds))}`;
}
