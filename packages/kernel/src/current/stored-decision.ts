import type { ContactRecord, Decision, DecisionContext, Profile } from '@omnikernel/sdk';

/** What a decision was issued for: enough to tell whether it still holds. */
export interface DecisionMeta {
  readonly profileVersion: number;
  readonly catalogVersion: number;
  readonly configFingerprint: string;
  readonly issuedAtMs: number;
  readonly validUntilMs: number;
}

/** What is stored with a decision: the decision, and the inputs a replay needs. */
export interface StoredDecision {
  readonly decision: Decision;
  readonly meta: DecisionMeta;
  readonly replay: {
    readonly profile: Profile;
    readonly contactHistory: readonly ContactRecord[];
    readonly context: DecisionContext;
  };
}

/**
 * A decision as channels render it: the explanation cut to its inputs. Channels never show the
 * per-plugin contributions and arbitration scores (GET /v1/decisions/{id} reads them from the
 * store), and they are half of a decision's size: what is held per customer is smaller without them.
 */
export type ChannelDecision = Omit<Decision, 'explanation'> & { readonly explanation: Pick<Decision['explanation'], 'inputs'> };

export function forChannels(decision: Decision | ChannelDecision): ChannelDecision {
  return { ...decision, explanation: { inputs: decision.explanation.inputs } };
}

/** A stored decision as served: the replay inputs left unparsed, the explanation cut to its inputs. */
export interface ServedDecision {
  readonly meta: DecisionMeta;
  readonly decision: ChannelDecision;
}

/*
 * The payload is three JSON documents, one per line: meta, decision, replay inputs.
 * JSON.stringify never writes a raw line break, so a reader can take the meta alone (to judge
 * staleness: a stale decision is never parsed) or meta and decision (to serve) without parsing the
 * replay inputs. Payloads written before this format are one JSON object without a line break;
 * they are still read.
 */

export function serializeStoredDecision(stored: StoredDecision): string {
  return `${JSON.stringify(stored.meta)}\n${JSON.stringify(stored.decision)}\n${JSON.stringify(stored.replay)}`;
}

export function parseStoredDecision(payload: string): StoredDecision {
  const first = payload.indexOf('\n');
  if (first < 0) return JSON.parse(payload) as StoredDecision;
  const second = payload.indexOf('\n', first + 1);
  return {
    meta: JSON.parse(payload.slice(0, first)) as DecisionMeta,
    decision: JSON.parse(payload.slice(first + 1, second)) as Decision,
    replay: JSON.parse(payload.slice(second + 1)) as StoredDecision['replay'],
  };
}

/** The meta of a stored decision, without parsing the rest. */
export function readDecisionMeta(payload: string): DecisionMeta {
  const first = payload.indexOf('\n');
  return first < 0 ? (JSON.parse(payload) as StoredDecision).meta : (JSON.parse(payload.slice(0, first)) as DecisionMeta);
}

/** Meta and decision of a stored decision, without parsing the replay inputs. */
export function readServedDecision(payload: string): ServedDecision {
  const first = payload.indexOf('\n');
  if (first < 0) {
    const legacy = JSON.parse(payload) as StoredDecision;
    return { meta: legacy.meta, decision: forChannels(legacy.decision) };
  }
  const second = payload.indexOf('\n', first + 1);
  return { meta: JSON.parse(payload.slice(0, first)) as DecisionMeta, decision: forChannels(JSON.parse(payload.slice(first + 1, second)) as Decision) };
}

/** Why the current decision must be renewed, or null while it still holds. */
export function stalenessReason(
  meta: DecisionMeta,
  now: { at: number; profile: Profile; catalogVersion: number; configFingerprint: string; minAgeMs: number },
): string | null {
  if (now.at >= meta.validUntilMs) return 'expired';
  if (now.at < meta.issuedAtMs) return 'issued in the future (clock skew)';
  if (meta.catalogVersion !== now.catalogVersion) return 'catalog changed';
  if (meta.configFingerprint !== now.configFingerprint) return 'plugin configuration changed';
  if (now.profile.materialVersion > meta.profileVersion) return 'profile changed (material)';
  if (now.profile.version > meta.profileVersion && now.at - meta.issuedAtMs >= now.minAgeMs) return 'profile changed (views, past minimum age)';
  return null;
}
