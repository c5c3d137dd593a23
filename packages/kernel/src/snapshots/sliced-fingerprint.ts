import { createHash } from 'node:crypto';
import { timeSlices } from '@omnikernel/sdk';
import { byText, stableStringify } from '../fingerprint.ts';

/** Text handed to the hash at once: one native call per ~16 KB rather than one per token. */
const FLUSH_CHARS = 16_384;

/**
 * `fingerprint(value)`, the same text hashed, with the event loop given a turn every ~`sliceMs`.
 *
 * A snapshot's version is the fingerprint of its data, and a learned snapshot over 10,000
 * customers is megabytes of text to sort and hash: as one synchronous call it held every request
 * for 5-8 ms after each rebuild (ADR 22 cut the build itself into slices; this is its other half).
 */
export async function fingerprintInSlices(value: unknown, sliceMs = 2): Promise<string> {
  const hash = createHash('sha256');
  const pause = timeSlices(sliceMs);
  let pending = '';
  for (const chunk of stableChunks(value, 3)) {
    pending += chunk;
    if (pending.length < FLUSH_CHARS) continue;
    hash.update(pending);
    pending = '';
    await pause();
  }
  hash.update(pending);
  return hash.digest('base64url').slice(0, 22);
}

/**
 * `stableStringify(value)` in pieces: containers down to `depth` levels are walked here, anything
 * deeper is one piece. The pieces joined are exactly its text (test), so hashing them in turn
 * hashes the same bytes: JSON text never splits a character across two pieces.
 */
function* stableChunks(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || value instanceof Set) {
    yield stableStringify(value);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      if (i in value) yield* stableChunks(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  if (value instanceof Map) {
    yield 'Map';
    yield* stableChunks([...value.entries()].sort(([a], [b]) => byText(a, b)), depth);
    return;
  }
  const object = value as Record<string, unknown>;
  let first = true;
  yield '{';
  for (const key of Object.keys(object).sort()) {
    const v = object[key];
    if (v === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    yield* stableChunks(v, depth - 1);
    first = false;
  }
  yield '}';
}
