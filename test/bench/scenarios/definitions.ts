import type { PlanSpec, PlannedRequest } from '../load/plans.ts';
import { buildPlan } from '../load/plans.ts';
import type { BenchContext, Subject } from './subjects.ts';
import { invalidateDecisions } from './invalidate.ts';

export type ScenarioId = 'warm-decision' | 'recomputed-decision' | 'ingestion' | 'screen-pop' | 'email-content';

/** One measured workload: what is sent, how it is counted, and (one-shot) how customers are made stale. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  /** How a request counts in the headline figure: 1 request, or the events of a batch. */
  readonly perRequest: number;
  readonly unit: 'req/s' | 'events/s';
  /** A representative request: its answer is captured for the baseline's body, and a 404 marks the scenario n/a. */
  probe(ctx: BenchContext): PlannedRequest;
  /** The requests of one run; `slice` is the one-shot scenario's share of the customers. */
  plan(ctx: BenchContext, tag: string, slice?: { readonly from: number; readonly to: number }): PlanSpec;
  /**
   * One-shot: each request must find a stale decision, so each customer is asked for at most once
   * after `refresh` made it stale. Runs take consecutive slices of the customers; before a run,
   * `refresh` (never timed) makes the next slice stale when too few stale ones are left.
   */
  readonly once?: { refresh(ctx: BenchContext, subject: Subject, tag: string, from: number, to: number): Promise<void> };
}

const decisions = (ctx: BenchContext): PlanSpec => ({ kind: 'decisions', customers: ctx.customers.length });

/** The five scenarios of the issue, in the order they are reported. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'warm-decision',
    title: 'warm decision (POST /v1/decisions)',
    perRequest: 1,
    unit: 'req/s',
    probe: (ctx) => buildPlan(decisions(ctx)).at(0),
    plan: decisions,
  },
  {
    id: 'recomputed-decision',
    title: 'recomputed decision (after cart_updated)',
    perRequest: 1,
    unit: 'req/s',
    probe: (ctx) => buildPlan(decisions(ctx)).at(0),
    plan: (ctx, _tag, slice) => ({ ...decisions(ctx), ...slice }),
    once: {
      refresh: async (ctx, subject, tag, from, to) => {
        if (subject.kind !== 'baseline') await invalidateDecisions(subject.url, ctx.apiKey, ctx.customers, ctx.products, tag, from, to);
      },
    },
  },
  {
    id: 'ingestion',
    title: 'ingestion (POST /v1/events, 100 per batch)',
    perRequest: 100,
    unit: 'events/s',
    // The probe writes for devices nobody seeded: a purchase for a bench customer would make its
    // decision stale before the warm scenarios run.
    probe: (ctx) => buildPlan({ kind: 'events', customers: 100, offset: ctx.customers.length, products: ctx.products, tag: 'probe', batchSize: 100 }).at(0),
    plan: (ctx, tag) => ({ kind: 'events', customers: ctx.customers.length, products: ctx.products, tag, batchSize: 100 }),
  },
  {
    id: 'screen-pop',
    title: 'screen pop (GET …/contact-center/screen-pop, json)',
    perRequest: 1,
    unit: 'req/s',
    probe: (ctx) => buildPlan({ kind: 'screen-pop', customers: ctx.customers.length }).at(0),
    plan: (ctx) => ({ kind: 'screen-pop', customers: ctx.customers.length }),
  },
  {
    id: 'email-content',
    title: 'e-mail content (GET …/email/content, html)',
    perRequest: 1,
    unit: 'req/s',
    probe: (ctx) => buildPlan({ kind: 'email', customers: ctx.customers.length }).at(0),
    plan: (ctx) => ({ kind: 'email', customers: ctx.customers.length }),
  },
];

/**
 * The order they run in: reads first, then writes. Ingestion adds views and purchases (purchases
 * renew decisions) and the recomputation scenario makes every decision stale; run earlier, either
 * would turn the warm scenarios' hits into recomputations.
 */
export const RUN_ORDER: readonly ScenarioId[] = ['warm-decision', 'screen-pop', 'email-content', 'ingestion', 'recomputed-decision'];
