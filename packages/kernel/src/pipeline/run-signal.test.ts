import { describe, expect, it } from 'vitest';
import { RunSignal, type SpareSignal } from './run-signal.ts';

describe('a plugin run signal', () => {
  it('is made only when asked for, and reused by the next run when nothing can tell it was used', () => {
    const spare: SpareSignal = { controller: undefined };
    const first = new RunSignal(spare);
    first.release();
    expect(spare.controller).toBeUndefined();
    const asked = new RunSignal(spare);
    const signal = asked.signal;
    expect(signal.aborted).toBe(false);
    asked.release();
    expect(new RunSignal(spare).signal).toBe(signal);
  });

  it('is never reused once aborted, or with a listener or onabort left on it', () => {
    const spare: SpareSignal = { controller: undefined };
    const timedOut = new RunSignal(spare);
    const aborted = timedOut.signal;
    timedOut.abort(new Error('late'));
    timedOut.release();
    expect(spare.controller).toBeUndefined();
    expect(aborted.reason).toEqual(new Error('late'));

    const listened = new RunSignal(spare);
    listened.signal.addEventListener('abort', () => {});
    listened.release();
    expect(spare.controller).toBeUndefined();

    const handled = new RunSignal(spare);
    handled.signal.onabort = () => {};
    handled.release();
    expect(spare.controller).toBeUndefined();
  });

  it('is aborted with the run\'s reason when first asked for after the run was aborted', () => {
    const run = new RunSignal({ controller: undefined });
    run.abort('timed out');
    expect(run.signal.aborted).toBe(true);
    expect(run.signal.reason).toBe('timed out');
  });

  it('aborts the signal a run handed out, and a later run does not get it', async () => {
    const spare: SpareSignal = { controller: undefined };
    const run = new RunSignal(spare);
    const signal = run.signal;
    const seen = new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason), { once: true }));
    run.abort('deadline');
    expect(await seen).toBe('deadline');
    run.release();
    expect(new RunSignal(spare).signal).not.toBe(signal);
  });
});
