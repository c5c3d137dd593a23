import type { StoredDecisionRecord } from '../store.ts';

/**
 * A decision record as the memory store keeps it: the payload's UTF-8 bytes, the very buffer the
 * writer encoded (no copy). A payload is ~25 KB of JSON, and one character beyond Latin-1 (a '€')
 * makes a JS string two bytes per character; as a Buffer it is half that, off the JS heap, and
 * never traced by the garbage collector — which matters when every customer of an embedded
 * gateway holds one or more of them. The same record kept as current and by id is one buffer, and
 * the gateway's held decision is a view into it.
 */
export type KeptRecord = StoredDecisionRecord;
