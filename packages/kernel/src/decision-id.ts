import { RandomPool } from './random-pool.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: sorts as text in time order
const entropy = new RandomPool();

/**
 * A decision id that sorts by time (ULID layout: 48-bit milliseconds, then 80 random bits).
 * Randomness here is fine: the id is assigned once, stored, and a replay reuses it.
 *
 * @example
 * newDecisionId(Date.now()); // 'dec_01JD3…'
 */
export function newDecisionId(atMs: number): string {
  let time = '';
  let t = atMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const { bytes, at } = entropy.take(10);
  let rand = '';
  for (let i = 0; i < 16; i++) {
    const bit = i * 5;
    const byte = at + (bit >> 3);
    // The byte after the tenth is the next id's (and would be shifted out anyway).
    const next = (bit >> 3) < 9 ? (bytes[byte + 1] ?? 0) : 0;
    const v = (((bytes[byte] ?? 0) << 8) | next) >> (11 - (bit & 7));
    rand += ALPHABET[v & 31];
  }
  return `dec_${time}${rand}`;
}

/** The issue time encoded in a decision id, or null when it is not one. */
export function decisionIdTime(id: string): number | null {
  if (!/^dec_[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return null;
  let t = 0;
  for (const ch of id.slice(4, 14)) t = t * 32 + ALPHABET.indexOf(ch);
  return t;
}
