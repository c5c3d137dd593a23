import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { LRUCache } from 'lru-cache';
import { outcomeChangesEligibility } from '@omnikernel/kernel';
import type { Outcome } from '@omnikernel/sdk';
import { createOutcomeSchema, InvalidBatchError, validateOutcomeBatch } from '@omnikernel/store';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { ApiError } from '../http/problem.ts';
import { requireScope } from '../middleware/auth.ts';
import { jsonResponse, problemResponses } from './openapi-helpers.ts';
import { batchError, storeWrite } from './store-errors.ts';

export function registerOutcomeRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  const options = { channels: deps.settings.channels, maxBatch: 500 };
  // decision id → customer id: outcomes name a decision, contact policies count on its customer.
  const owners = new LRUCache<string, string>({ max: 100_000 });
  const ownerOf = async (decisionId: string): Promise<string | null> => {
    const cached = owners.get(decisionId);
    if (cached) return cached;
    const stored = await deps.decisions.byId(decisionId);
    const customerId = stored?.decision.customerId;
    if (!customerId || customerId === 'anonymous') return null;
    owners.set(decisionId, customerId);
    return customerId;
  };

  app.openAPIRegistry.register('Outcome', createOutcomeSchema(options));
  app.use('/v1/outcomes', requireScope(deps.keys, 'outcomes:write'));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/outcomes',
      tags: ['outcomes'],
      summary: 'Report shown, clicked, accepted, rejected or converted for an offer or item of a decision',
      description:
        'Body: `{ "outcomes": [Outcome, …] }` (or a bare array), idempotent by `id`. Outcomes count on the decision\'s customer whichever channel reports them; an accept or reject (or a cap reached) renews the current decision for every channel.',
      request: { body: { required: true, content: { 'application/json': { schema: z.union([z.object({ outcomes: z.array(z.unknown()) }), z.array(z.unknown())]) } } } },
      responses: { 200: jsonResponse('Counts, and rejections by index'), ...problemResponses },
    }),
    async (c) => {
      let validation;
      try {
        validation = validateOutcomeBatch(c.req.valid('json'), options);
      } catch (error) {
        if (error instanceof InvalidBatchError) throw batchError(error);
        throw error;
      }
      const rejected = validation.rejected.map((r) => ({ index: r.index, field: r.field, reason: r.reason }));
      let accepted = 0;
      let duplicates = 0;
      const applied: (Outcome & { customerId: string })[] = [];
      for (const { index, event: outcome } of validation.valid) {
        const customerId = await ownerOf(outcome.decisionId);
        if (!customerId) {
          rejected.push({ index, field: `outcomes[${index}].decisionId`, reason: `no stored decision ${outcome.decisionId} (anonymous decisions take no outcomes)` });
          continue;
        }
        const now = deps.now();
        const offer = outcome.offerId ? deps.store.catalog().offer(outcome.offerId) : undefined;
        const history = offer ? await deps.store.contactHistory(customerId) : [];
        const material = outcomeChangesEligibility(offer, outcome.type, history, now, deps.settings.contactPolicy);
        const status = await storeWrite(() => deps.store.recordOutcome({ ...outcome, customerId }, { material }));
        deps.metrics.outcomes.inc({ type: outcome.type, channel: outcome.channel, status });
        if (status === 'accepted') {
          accepted += 1;
          applied.push({ ...outcome, customerId });
          if (material) deps.decisions.evict(customerId);
        } else duplicates += 1;
      }
      if (accepted + duplicates === 0) {
        throw new ApiError(400, 'validation', 'Invalid outcomes', `every outcome was rejected; first: ${rejected[0]?.field}: ${rejected[0]?.reason}`, {
          errors: rejected.map((r) => ({ field: r.field, message: r.reason })),
          rejected,
        });
      }
      deps.observer.outcomes(applied);
      return c.json({ accepted, duplicates, rejected: rejected.sort((a, b) => a.index - b.index) }, 200);
    },
  );
}
