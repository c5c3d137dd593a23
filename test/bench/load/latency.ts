/**
 * Every latency of a run, kept exactly. autocannon's own histogram stores whole milliseconds
 * (lowestDiscernibleValue 1), which turns a 0.4 ms p50 into "0" or "1"; a few hundred thousand
 * doubles per run cost a few MB and give microseconds.
 */
export class LatencyRecorder {
  #values = new Float64Array(1 << 16);
  #count = 0;

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = ms;
  }

  get count(): number {
    return this.#count;
  }

  summary(): LatencySummary {
    const sorted = this.#values.slice(0, this.#count).sort();
    const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
    let sum = 0;
    for (const v of sorted) sum += v;
    return { count: sorted.length, mean: sorted.length ? sum / sorted.length : NaN, p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
  }
}

/** Milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}
