import type { CustomerEvent, IdentifierType, Identifiers } from '@omnikernel/sdk';
import { InvalidEventError } from '../errors.ts';
import { hashIdentifier } from '../identity/customer-id.ts';
import { identifierEntries, normalizeIdentifiers } from '../identity/normalize.ts';
import type { NormalizeOptions } from '../identity/normalize.ts';
import { instant } from '../projection/time.ts';
import type { Instant } from '../projection/time.ts';

/** An event ready for the store: identifiers normalised, with their index keys and suppression hashes. */
export interface PreparedEvent {
  /** Position in the `ingest` call. */
  readonly index: number;
  /** The event with normalised identifiers (what is applied and retained). */
  readonly event: CustomerEvent;
  /** `occurredAt`, parsed once for the whole write path. */
  readonly when: Instant;
  /** `type:value` of each identifier, in `IDENTIFIER_TYPES` order. */
  readonly keys: readonly string[];
  /** sha256 of each identifier, as the suppression list keeps them. */
  readonly hashes: readonly string[];
}

/**
 * Normalise every event of a batch before anything is written, so one unusable event fails the
 * call up front (`InvalidEventError`) instead of half-way through.
 */
export function prepareEvents(events: readonly CustomerEvent[], options: NormalizeOptions): PreparedEvent[] {
  return events.map((raw, index) => {
    const identifiers = normalizeIdentifiers(raw.identifiers ?? {}, options);
    const entries = identifierEntries(identifiers);
    if (entries.length === 0) {
      throw new InvalidEventError(index, 'identifiers', `event ${index} ('${raw.id}') has no usable identifier after normalisation`);
    }
    if (typeof raw.id !== 'string' || raw.id === '') {
      throw new InvalidEventError(index, 'id', `event ${index} has no id: the id is its idempotency key`);
    }
    const when = instant(raw.occurredAt);
    if (Number.isNaN(when.ms)) {
      throw new InvalidEventError(index, 'occurredAt', `event ${index} ('${raw.id}') has no valid occurredAt`);
    }
    return new Prepared(index, { ...raw, identifiers, properties: raw.properties ?? {} }, when, entries);
  });
}

class Prepared implements PreparedEvent {
  readonly keys: readonly string[];
  #hashes: string[] | undefined;

  constructor(
    readonly index: number,
    readonly event: CustomerEvent,
    readonly when: Instant,
    private readonly entries: ReadonlyArray<[IdentifierType, string]>,
  ) {
    this.keys = entries.map(([type, value]) => identityKey(type, value));
  }

  // sha256 per identifier costs more than the rest of preparing: only when a suppression check asks.
  get hashes(): readonly string[] {
    this.#hashes ??= this.entries.map(([type, value]) => hashIdentifier(type, value));
    return this.#hashes;
  }
}

/** The identity index key of one identifier: `email:ana@example.com`. */
export function identityKey(type: IdentifierType, value: string): string {
  return `${type}:${value}`;
}

/** Every identity key of a profile's identifiers. */
export function profileIdentityKeys(identifiers: Readonly<Partial<Record<IdentifierType, readonly string[]>>>): string[] {
  const out: string[] = [];
  for (const [type, values] of Object.entries(identifiers) as Array<[IdentifierType, readonly string[]]>) {
    for (const value of values) out.push(identityKey(type, value));
  }
  return out;
}

/** Suppression hashes of a profile's identifiers. */
export function profileIdentityHashes(identifiers: Readonly<Partial<Record<IdentifierType, readonly string[]>>>): string[] {
  const out: string[] = [];
  for (const [type, values] of Object.entries(identifiers) as Array<[IdentifierType, readonly string[]]>) {
    for (const value of values) out.push(hashIdentifier(type, value));
  }
  return out;
}

/** Normalised identifiers of a lookup (`resolve`), as index keys. */
export function lookupKeys(ids: Identifiers, options: NormalizeOptions): string[] {
  return identifierEntries(normalizeIdentifiers(ids, options)).map(([type, value]) => identityKey(type, value));
}
