import { getEventListeners } from 'node:events';

/** Where a plugin's untouched abort controller waits for its next run. */
export interface SpareSignal {
  controller: AbortController | undefined;
}

/**
 * A plugin run's abort signal. Making an `AbortSignal` costs ~3–6 µs (it is an EventTarget): four
 * per decision, for signals that are almost never aborted. So a run takes its plugin's spare
 * controller when it first asks for the signal, and gives it back afterwards when nothing can tell
 * it was used: not aborted, no `abort` listener left, no `onabort`. A signal with a listener left
 * (a timer or a request still pending) or an aborted one is never reused. A run that asks after it
 * was aborted gets a signal aborted with the same reason.
 */
export class RunSignal {
  #controller: AbortController | undefined;
  #aborted = false;
  #reason: unknown;

  constructor(private readonly spare: SpareSignal) {}

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = this.spare.controller ?? new AbortController();
      this.spare.controller = undefined;
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
  }

  /** Called once the run is over: an untouched controller serves the plugin's next run. */
  release(): void {
    const controller = this.#controller;
    if (controller === undefined || this.#aborted || this.spare.controller !== undefined) return;
    const { signal } = controller;
    if (signal.aborted || signal.onabort !== null || getEventListeners(signal, 'abort').length > 0) return;
    this.spare.controller = controller;
  }
}
