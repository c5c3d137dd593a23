import { StoreConflictError } from '../errors.ts';
import type { PreparedEvent } from '../ingest/prepare.ts';
import type { EventOutcome, UnitOutcome, WriteUnit } from './write-units.ts';

/** How a submitted write ended: applied at `customerId` (after following merges), or the customer was erased. */
export type JobResult =
  | { readonly kind: 'done'; readonly customerId: string; readonly outcomes: ReadonlyMap<PreparedEvent, EventOutcome> }
  | { readonly kind: 'erased'; readonly suppressed: boolean };

interface Job {
  readonly events: readonly PreparedEvent[];
  readonly assumeNew: boolean;
  /** Merges followed so far: a bound against a pointer cycle. */
  readonly hops: number;
  readonly resolve: (result: JobResult) => void;
  readonly reject: (error: unknown) => void;
}

interface CustomerState {
  pending: Job[];
  inflight: boolean;
  conflicts: number;
}

export interface SchedulerHooks {
  /** Writes one optimistic attempt for many customers at once. */
  readonly write: (units: readonly WriteUnit[]) => Promise<Map<WriteUnit, UnitOutcome>>;
  /** Called before following a merge (`pending`: the merge was cut short and must be finished). */
  readonly onMoved: (from: string, to: string, pending: boolean) => Promise<void>;
}

const MAX_CONFLICTS = 40;
const MAX_HOPS = 8;
/**
 * Flushes in flight at once. Redis runs scripts one at a time, so more would not write faster; it
 * would only queue every other command (lookups, reads) behind them. Meanwhile units pile up and
 * the next flush carries them all.
 */
const MAX_FLUSHES = 2;

/**
 * Group commit for customer writes. Per customer, one write is in flight at a time; whatever is
 * submitted meanwhile waits and then goes as one unit (200 concurrent calls for one customer become
 * a few writes, not 200 colliding ones). Across customers, all units ready at once are flushed
 * together: one batched read and one batched compare-and-set for a whole ingest call.
 */
export class WriteScheduler {
  readonly #customers = new Map<string, CustomerState>();
  readonly #ready = new Set<string>();
  readonly #hooks: SchedulerHooks;
  #scheduled = false;
  #flushing = 0;

  constructor(hooks: SchedulerHooks) {
    this.#hooks = hooks;
  }

  submit(customerId: string, events: readonly PreparedEvent[], assumeNew = false, hops = 0): Promise<JobResult> {
    return new Promise<JobResult>((resolve, reject) => {
      if (hops > MAX_HOPS) {
        reject(new StoreConflictError(`customer '${customerId}' is merged in a chain longer than ${MAX_HOPS}; retry the call`));
        return;
      }
      let state = this.#customers.get(customerId);
      if (state === undefined) this.#customers.set(customerId, (state = { pending: [], inflight: false, conflicts: 0 }));
      state.pending.push({ events, assumeNew, hops, resolve, reject });
      if (!state.inflight) this.#markReady(customerId);
    });
  }

  #markReady(customerId: string, delayMs = 0): void {
    this.#ready.add(customerId);
    if (this.#scheduled) return;
    this.#scheduled = true;
    // A macrotask, so every submit of the current ingest call joins the same flush.
    const flush = () => void this.#flush();
    if (delayMs > 0) setTimeout(flush, delayMs);
    else setImmediate(flush);
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    if (this.#flushing >= MAX_FLUSHES) return; // the running flush re-schedules when it ends
    const units = new Map<WriteUnit, { id: string; jobs: Job[] }>();
    for (const id of this.#ready) {
      const state = this.#customers.get(id);
      if (state === undefined || state.inflight || state.pending.length === 0) continue;
      const jobs = state.pending;
      state.pending = [];
      state.inflight = true;
      const unit: WriteUnit = { id, events: jobs.flatMap((j) => j.events), assumeNew: state.conflicts === 0 && jobs.every((j) => j.assumeNew) };
      units.set(unit, { id, jobs });
    }
    this.#ready.clear();
    if (units.size === 0) return;
    let outcomes: Map<WriteUnit, UnitOutcome>;
    this.#flushing++;
    try {
      outcomes = await this.#hooks.write([...units.keys()]);
    } catch (error) {
      this.#flushing--;
      for (const { id, jobs } of units.values()) this.#settle(id, jobs, (job) => job.reject(error));
      this.#rescheduleIfReady();
      return;
    }
    this.#flushing--;
    let backoff = 0;
    for (const [unit, { id, jobs }] of units) {
      const outcome = outcomes.get(unit) ?? { kind: 'conflict' };
      const state = this.#customers.get(id) as CustomerState;
      if (outcome.kind === 'conflict' && state.conflicts + 1 < MAX_CONFLICTS) {
        // Lost a race with another process: go again from a fresh read, ahead of later jobs.
        state.conflicts++;
        state.pending = [...jobs, ...state.pending];
        state.inflight = false;
        backoff = Math.max(backoff, state.conflicts > 2 ? Math.min(50, 2 ** state.conflicts) * Math.random() : 0);
        this.#ready.add(id);
        continue;
      }
      this.#settle(id, jobs, (job) => this.#finish(job, id, outcome));
    }
    if (this.#ready.size > 0) this.#markReady([...this.#ready][0] as string, backoff);
  }

  #rescheduleIfReady(): void {
    const next = this.#ready.values().next();
    if (!next.done) this.#markReady(next.value);
  }

  #finish(job: Job, id: string, outcome: UnitOutcome): void {
    if (outcome.kind === 'done') job.resolve({ kind: 'done', customerId: id, outcomes: outcome.outcomes });
    else if (outcome.kind === 'erased') job.resolve({ kind: 'erased', suppressed: outcome.suppressed });
    else if (outcome.kind === 'moved') {
      this.#hooks
        .onMoved(id, outcome.to, outcome.pending)
        .then(() => this.submit(outcome.to, job.events, false, job.hops + 1))
        .then(job.resolve, job.reject);
    } else job.reject(new StoreConflictError(`customer '${id}' kept changing under ${MAX_CONFLICTS} attempts to write; retry the call`));
  }

  /** Ends a unit's jobs and frees the customer for its next unit. */
  #settle(id: string, jobs: readonly Job[], end: (job: Job) => void): void {
    const state = this.#customers.get(id) as CustomerState;
    state.inflight = false;
    state.conflicts = 0;
    for (const job of jobs) end(job);
    if (state.pending.length > 0) this.#markReady(id);
    else this.#customers.delete(id);
  }
}
