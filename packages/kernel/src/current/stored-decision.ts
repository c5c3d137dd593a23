import type { ContactRecord, Decision, DecisionContext, Profile } from '@omnikernel/sdk';
import { compactContributions, expandContributions } from './compact-explanation.ts';
import { utf8Lines } from './utf8-lines.ts';

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

/** The channel decision, its explanation last: envelopes are spliced around its JSON's closing braces. */
export function forChannels(decision: Decision | ChannelDecision): ChannelDecision {
  const { explanation, ...rest } = decision;
  return { ...rest, explanation: { inputs: explanation.inputs } };
}

/** A stored decision as served: its meta, and the channel decision's JSON as UTF-8 bytes (parsed only to render). */
export interface ServedDecision {
  readonly meta: DecisionMeta;
  /** A view into the payload it was read from: copy it to hold it without the rest. */
  readonly channelBytes: Buffer;
}

/*
 * The payload is four JSON documents, one per line, as UTF-8 bytes: meta, the decision as channels
 * see it, the rest of its explanation (contributions, arbitration; content blocks the decision
 * holds are stored as a range of its `content`, see compact-explanation.ts), the replay inputs.
 * JSON.stringify never writes a raw line break, so a reader takes what it needs: the meta alone to
 * judge staleness (a stale decision is never parsed), the channel decision's bytes to serve,
 * everything for an explanation or a replay. Payloads written as one JSON object (before this
 * format) are still read.
 */

const NEWLINE = 0x0a;

/** The payload, and the channel decision with its bytes (a view into the payload) for the caller to serve. */
export function encodeStoredDecision(stored: StoredDecision): { payload: Buffer; channel: ChannelDecision; channelBytes: Buffer } {
  const { contributions, arbitration } = stored.decision.explanation;
  const channel = forChannels(stored.decision);
  const detail = { contributions: compactContributions(contributions, stored.decision.content), arbitration };
  const { bytes, ranges } = utf8Lines([JSON.stringify(stored.meta), JSON.stringify(channel), JSON.stringify(detail), JSON.stringify(stored.replay)]);
  const [start, end] = ranges[1] as readonly [number, number];
  return { payload: bytes, channel, channelBytes: bytes.subarray(start, end) };
}

/** Every line of a payload as text, or null for a payload written as one JSON object. */
function linesOf(payload: Buffer): string[] | null {
  return payload.indexOf(NEWLINE) < 0 ? null : payload.toString('utf8').split('\n');
}

function legacyOf(payload: Buffer): StoredDecision {
  const legacy = JSON.parse(payload.toString('utf8')) as StoredDecision;
  return { ...legacy, meta: { ...legacy.meta, decisionId: legacy.decision.decisionId, customerId: legacy.decision.customerId } };
}

export function parseStoredDecision(payload: Buffer): StoredDecision {
  const lines = linesOf(payload);
  if (lines === null) return legacyOf(payload);
  const [meta, channel, detail, replay] = lines as [string, string, string, string];
  const decision = JSON.parse(channel) as ChannelDecision;
  const { contributions, arbitration } = JSON.parse(detail) as Pick<Decision['explanation'], 'contributions' | 'arbitration'>;
  const explanation = { inputs: decision.explanation.inputs, contributions: expandContributions(contributions, decision.content), arbitration };
  return {
    meta: JSON.parse(meta) as DecisionMeta,
    decision: { ...decision, explanation },
    replay: JSON.parse(replay) as StoredDecision['replay'],
  };
}

/** The meta of a stored decision, without parsing (or decoding) the rest. */
export function readDecisionMeta(payload: Buffer): DecisionMeta {
  const end = payload.indexOf(NEWLINE);
  return end < 0 ? legacyOf(payload).meta : (JSON.parse(payload.toString('utf8', 0, end)) as DecisionMeta);
}

/** The meta and the channel decision's bytes of a stored decision; nothing else is parsed. */
export function readServedDecision(payload: Buffer): ServedDecision {
  const first = payload.indexOf(NEWLINE);
  if (first < 0) {
    const legacy = legacyOf(payload);
    return { meta: legacy.meta, channelBytes: Buffer.from(JSON.stringify(forChannels(legacy.decision)), 'utf8') };
  }
  const second = payload.indexOf(NEWLINE, first + 1);
  return { meta: JSON.parse(payload.toString('utf8', 0, first)) as DecisionMeta, channelBytes: payload.subarray(first + 1, second) };
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
