import type { AttributeMap } from './attribute-map.ts';

/**
 * Connect accepts a Lambda response under 32 KB of UTF-8; past it the flow takes its Error branch.
 * We stay strictly below, counting keys and values (JSON punctuation is Connect's to count, and the
 * margin below covers it).
 */
export const CONNECT_BUDGET_BYTES = 32 * 1024 - 1024;

const REC_KEY = /^ok_rec_(\d+)_/;

/** UTF-8 bytes of every key and value. */
export function attributeBytes(map: AttributeMap): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(map)) bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  return bytes;
}

/**
 * Fits the map in the budget by dropping recommendations from the tail (the least relevant go
 * first; the order of the rest is the decision's), keeping `ok_rec_count` true. The scalar values
 * are bounded where they are made, so dropping every recommendation always fits.
 */
export function fitAttributeBudget(map: AttributeMap, budgetBytes = CONNECT_BUDGET_BYTES): AttributeMap {
  let bytes = attributeBytes(map);
  if (bytes < budgetBytes) return map;
  const out = { ...map };
  let count = Number(out.ok_rec_count ?? 0);
  while (bytes >= budgetBytes && count > 0) {
    for (const key of Object.keys(out)) {
      if (REC_KEY.exec(key)?.[1] === String(count)) {
        bytes -= Buffer.byteLength(key) + Buffer.byteLength(out[key] ?? '');
        delete out[key];
      }
    }
    count -= 1;
    const before = out.ok_rec_count ?? '';
    out.ok_rec_count = String(count);
    bytes += Buffer.byteLength(out.ok_rec_count) - Buffer.byteLength(before);
  }
  return out;
}
