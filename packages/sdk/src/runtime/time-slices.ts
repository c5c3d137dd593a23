/**
 * A long build cut into slices of about `sliceMs`, the event loop getting a turn between them:
 * call the function it returns between steps and await what it returns (undefined: go on).
 *
 * @example
 * const pause = timeSlices();
 * for (const product of products) { work(product); await pause(); }
 *
 * A snapshot build over 10,000 customers' learning is 40–60 ms of work, and on the in-memory state
 * every read resolves at once, so without a break it ran as one task: every request arriving
 * meanwhile waited for it (in the benchmark, the warm decision's p99 at half its peak went past
 * 100 ms in the paced round the minute's rebuild fell into). A build that yields reads some state
 * before and some after a write that lands in between — as it always did on Redis, where each
 * read is a round trip — and the next build reads it all.
 */
export function timeSlices(sliceMs = 2): () => Promise<void> | undefined {
  let started = performance.now();
  return () => {
    if (performance.now() - started < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        started = performance.now();
        resolve();
      }),
    );
  };
}
