import type { ContactRecord, Decision, DecisionContext, Profile } from '@omnikernel/sdk';

/** What is stored with a decision: the decision, and the inputs a replay needs. */
export interface StoredDecision {
  readonly decision: Decision;
  readonly meta: {
    readonly profileVersion: number;
    readonly catalogVersion: number;
    readonly configFingerprint: string;
    readonly issuedAtMs: number;
    readonly validUntilMs: number;
  };
  readonly replay: {
    readonly profile: Profile;
    readonly contactHistory: readonly ContactRecord[];
    readonly context: DecisionContext;
  };
}

export function serializeStoredDecision(stored: StoredDecision): string {
  return JSON.stringify(stored);
}

export function parseStoredDecision(payload: string): StoredDecision {
  return JSON.parse(payload) as StoredDecision;
}

/** Why the current decision must be renewed, or null while it still holds. */
export function stalenessReason(
  meta: StoredDecision['meta'],
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
