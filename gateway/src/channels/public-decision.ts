import type { Decision } from '@omnikernel/sdk';

/**
 * The decision as channels receive it: everything, with the explanation cut to its inputs
 * (the full per-plugin explanation is at GET /v1/decisions/{id}, not on every page view).
 */
export function publicDecision(decision: Decision): Omit<Decision, 'explanation'> & { explanation: { inputs: Decision['explanation']['inputs']; href: string } } {
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
export function cacheControlFor(decision: Decision, now: number, maxAgeCapSeconds: number): string {
  const remaining = Math.floor((Date.parse(decision.validUntil) - now) / 1000);
  return `private, max-age=${Math.max(0, Math.min(remaining, maxAgeCapSeconds))}`;
}
