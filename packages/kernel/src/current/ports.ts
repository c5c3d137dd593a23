import type { CatalogView, ContactRecord, CustomerEvent, Identifiers, Profile } from '@omnikernel/sdk';

/** A current decision as a store keeps it: opaque bytes under an id. */
export interface DecisionRecord {
  readonly decisionId: string;
  /** UTF-8 text (see stored-decision.ts). A store may keep this very buffer: nobody changes it after writing. */
  readonly payload: Buffer;
}

/**
 * What the decision service needs from the customer-360 store. The kernel depends on this port,
 * never on the store package; `@omnikernel/store` implements it structurally.
 */
export interface DecisionStorePort {
  resolve(identifiers: Identifiers): Promise<string | null>;
  getProfile(customerId: string): Promise<Profile | null>;
  /** A profile's versions alone, when the store can answer without reading the profile (null: read it). */
  profileVersions?(customerId: string): Promise<Pick<Profile, 'version' | 'materialVersion'> | null>;
  catalog(): CatalogView;
  /**
   * True when the store keeps the very payload buffers it is given, in this process (the memory
   * store): a held decision may then keep a view into one at no cost. Otherwise the view would pin
   * a whole payload the store no longer needs, and the held decision copies its part out.
   */
  readonly keepsPayloadBytes?: boolean;
  contactHistory(customerId: string): Promise<readonly ContactRecord[]>;
  ingest(events: readonly CustomerEvent[]): Promise<readonly { status: string; customerId?: string; material?: boolean }[]>;
  getCurrentDecision(customerId: string): Promise<DecisionRecord | null>;
  /** The current decision's id alone, when the store can answer it without the payload. */
  currentDecisionId?(customerId: string): Promise<string | null>;
  putCurrentDecision(
    customerId: string,
    record: DecisionRecord,
    expectedDecisionId: string | null,
    ttlSeconds: number,
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly current: DecisionRecord | null }>;
  saveDecision(record: DecisionRecord, customerId: string, retentionSeconds: number): Promise<void>;
  /** `putCurrentDecision` and, when it succeeds, `saveDecision`, in fewer round trips. */
  commitDecision?(
    customerId: string,
    record: DecisionRecord,
    expectedDecisionId: string | null,
    ttlSeconds: number,
    retentionSeconds: number,
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly current: DecisionRecord | null }>;
  /** The current decision's id and the contact history, in one round trip. */
  decisionInputs?(customerId: string): Promise<{ readonly currentDecisionId: string | null; readonly contactHistory: readonly ContactRecord[] }>;
  getDecision(decisionId: string): Promise<DecisionRecord | null>;
}
