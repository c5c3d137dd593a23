import type { ContactRecord, Decision, DecisionContext, Profile } from '@omnikernel/sdk';

/** What a decision was issued for: enough to tell whether it still holds. */
export interface DecisionMeta {
  readonly decisionId: string;
  readonly customerId: string;
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
 * store), and they are half of a decision's size.
 */
export type ChannelDecision = Omit<Decision, 'explanation'> & { readonly explanation: Pick<Decision['explanation'], 'inputs'> };

export function forChannels(decision: Decision | ChannelDecision): ChannelDecision {
  return { ...decision, explanation: { inputs: decision.explanation.inputs } };
}

/** A stored decision as served: its meta, and the channel decision as JSON text (parsed only to render). */
export interface ServedDecision {
  readonly meta: DecisionMeta;
  readonly channelJson: string;
}

/*
 * The payload is four JSON documents, one per line: meta, the decision as channels see it, the rest
 * of its explanation (contributions, arbitration), the replay inputs. JSON.stringify never writes a
 * raw line break, so a reader takes what it needs: the meta alone to judge staleness (a stale
 * decision is never parsed), the channel decision as text to serve, everything for an explanation or
 * a replay. Payloads written as one JSON object (before this format) are still read.
 */

/** The payload, and the channel decision with its JSON text (which the payload holds) for the caller to serve. */
export function encodeStoredDecision(stored: StoredDecision): { payload: string; channel: ChannelDecision; channelJson: string } {
  const { contributions, arbitration } = stored.decision.explanation;
  const channel = forChannels(stored.decision);
  const channelJson = JSON.stringify(channel);
  const payload = [JSON.stringify(stored.meta), channelJson, JSON.stringify({ contributions, arbitration }), JSON.stringify(stored.replay)].join('\n');
  return { payload, channel, channelJson };
}

/** Every line of a payload, or null for a payload written as one JSON object. */
function linesOf(payload: string): string[] | null {
  return payload.indexOf('\n') < 0 ? null : payload.split('\n');
}

function legacyMeta(legacy: StoredDecision): DecisionMeta {
  return { ...legacy.meta, decisionId: legacy.decision.decisionId, customerId: legacy.decision.customerId };
}

export function parseStoredDecision(payload: string): StoredDecision {
  const lines = linesOf(payload);
  if (lines === null) {
    const legacy = JSON.parse(payload) as StoredDecision;
    return { ...legacy, meta: legacyMeta(legacy) };
  }
  const [meta, channel, detail, replay] = lines as [string, string, string, string];
  const decision = JSON.parse(channel) as ChannelDecision;
  return {
    meta: JSON.parse(meta) as DecisionMeta,
    decision: { ...decision, explanation: { inputs: decision.explanation.inputs, ...(JSON.parse(detail) as Omit<Decision['explanation'], 'inputs'>) } },
    replay: JSON.parse(replay) as StoredDecision['replay'],
  };
}

/** The meta of a stored decision, without parsing the rest. */
export function readDecisionMeta(payload: string): DecisionMeta {
  const end = payload.indexOf('\n');
  return end < 0 ? legacyMeta(JSON.parse(payload) as StoredDecision) : (JSON.parse(payload.slice(0, end)) as DecisionMeta);
}

/** The meta and the channel decision's JSON text of a stored decision; nothing else is parsed. */
export function readServedDecision(payload: string): ServedDecision {
  const first = payload.indexOf('\n');
  if (first < 0) {
    const legacy = JSON.parse(payload) as StoredDecision;
    return { meta: legacyMeta(legacy), channelJson: JSON.stringify(forChannels(legacy.decision)) };
  }
  const second = payload.indexOf('\n', first + 1);
  return { meta: JSON.parse(payload.slice(0, first)) as DecisionMeta, channelJson: payload.slice(first + 1, second) };
}

/** Why the current decision must be renewed, or null while it still holds. */
export function stalenessReason(
  meta: DecisionMeta,
  now: { at: number; profile: Pick<Profile, 'version' | 'materialVersion'>; catalogVersion: number; configFingerprint: string; minAgeMs: number },
): string | null {
  if (now.at >= meta.validUntilMs) return 'expired';
  if (now.at < meta.issuedAtMs) return 'issued in the future (clock skew)';
  if (meta.catalogVersion !== now.catalogVersion) return 'catalog changed';
  if (meta.configFingerprint !== now.configFingerprint) return 'plugin configuration changed';
  if (now.profile.materialVersion > meta.profileVersion) return 'profile changed (material)';
  if (now.profile.version > meta.profileVersion && now.at - meta.issuedAtMs >= now.minAgeMs) return 'profile changed (views, past minimum age)';
  return null;
}
