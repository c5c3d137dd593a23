import type { StoredDecisionRecord } from '../store.ts';

/**
 * A decision record as the memory store keeps it: the payload as UTF-8 bytes. A payload is ~25 KB
 * of JSON, and one character beyond Latin-1 (a '€') makes a JS string two bytes per character;
 * as a Buffer it is half that, off the JS heap, and never traced by the garbage collector — which
 * matters when every customer of an embedded gateway holds one or more of them.
 */
export interface KeptRecord {
  readonly decisionId: string;
  readonly bytes: Buffer;
}

/**
 * Encodes records; the same record kept twice in a row (as current, then by id) shares its bytes.
 * One per store: the record last kept is held only until the next one.
 */
export function recordKeeper(): (record: StoredDecisionRecord) => KeptRecord {
  let last: { record: StoredDecisionRecord; kept: KeptRecord } | null = null;
  return (record) => {
    if (last?.record === record) return last.kept;
    const kept = { decisionId: record.decisionId, bytes: Buffer.from(record.payload, 'utf8') };
    last = { record, kept };
    return kept;
  };
}

export function readRecord(kept: KeptRecord): StoredDecisionRecord {
  return { decisionId: kept.decisionId, payload: kept.bytes.toString('utf8') };
}
