import { randomFillSync } from 'node:crypto';

/**
 * Cryptographically random bytes drawn from a pool refilled 4 KB at a time: one `randomBytes(10)`
 * per decision id cost ~20 µs (a fresh Buffer and a call into the CSPRNG each time); reading from
 * the pool costs nothing measurable. Node's own `randomUUID` pools its entropy the same way.
 */
export class RandomPool {
  readonly #pool: Buffer;
  #offset: number;

  constructor(size = 4096) {
    this.#pool = Buffer.allocUnsafeSlow(size);
    this.#offset = size;
  }

  /** Where `count` fresh bytes start in `bytes`; valid until the next call. */
  take(count: number): { readonly bytes: Buffer; readonly at: number } {
    if (this.#offset + count > this.#pool.length) {
      randomFillSync(this.#pool);
      this.#offset = 0;
    }
    const at = this.#offset;
    this.#offset += count;
    return { bytes: this.#pool, at };
  }
}
