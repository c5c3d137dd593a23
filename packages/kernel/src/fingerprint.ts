import { hash } from 'node:crypto';

/** A short, stable hash of any JSON-serialisable value (key order normalised). */
export function fingerprint(value: unknown): string {
  return hash('sha256', stableStringify(value), 'base64url').slice(0, 22);
}

/** Orders Map keys as their text: Maps hash by their entries in this order. */
export const byText = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

/**
 * JSON with object keys sorted, so equal values hash equally. Seeds and fingerprints of stored
 * decisions are made of it, so its output must never change: it is written as loops (this runs on
 * every decision) but gives what the original `entries → filter → sort → map → join` gave, array
 * holes written as nothing included (test).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (i in value) out += stableStringify(value[i]);
    }
    return `${out}]`;
  }
  // Maps and Sets (common in learned snapshots) hash by their entries, not as `{}`.
  if (value instanceof Map) return `Map${stableStringify([...value.entries()].sort(([a], [b]) => byText(a, b)))}`;
  if (value instanceof Set) return `Set${stableStringify([...value].map(stableStringify).sort())}`;
  const object = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, as `a < b` does.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${stableStringify(v)}`;
    first = false;
  }
  return `${out}}`;
}
