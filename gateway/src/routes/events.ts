import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { CustomerEvent } from '@omnikernel/sdk';
import { createEventSchema, InvalidBatchError, validateEventBatch } from '@omnikernel/store';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { ApiError } from '../http/problem.ts';
import { requireScope } from '../middleware/auth.ts';
import { jsonResponse, problemResponses } from './openapi-helpers.ts';
import { batchError, storeWrite } from './store-errors.ts';

export function registerEventRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  const options = { channels: deps.settings.channels, defaultRegion: deps.settings.defaultRegion, maxBatch: 500 };
  app.openAPIRegistry.register('Event', createEventSchema(options));
  app.use('/v1/events', requireScope(deps.keys, 'events:write'));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/events',
      tags: ['events'],
      summary: 'Report a batch of up to 500 events from any channel',
      description:
        'Body: `{ "events": [Event, …] }` (or a bare array). Each event is validated on its own and applied once per `id`. The answer counts accepted, duplicate and suppressed events and lists the rejected ones by index with the field and reason. 503 with `Retry-After` when the store cannot take writes: nothing of that batch was acknowledged.',
      request: { body: { required: true, content: { 'application/json': { schema: z.union([z.object({ events: z.array(z.unknown()) }), z.array(z.unknown())]) } } } },
      responses: { 200: jsonResponse('Counts, and rejections by index'), 413: { description: 'More than 500 events' }, ...problemResponses },
    }),
    async (c) => {
      let validation;
      try {
        validation = validateEventBatch(c.req.valid('json'), options);
      } catch (error) {
        if (error instanceof InvalidBatchError) throw batchError(error);
        throw error;
      }
      const { valid, rejected } = validation;
      if (valid.length === 0) {
        throw new ApiError(400, 'validation', 'Invalid events', `every event was rejected; first: ${rejected[0]?.field}: ${rejected[0]?.reason}`, {
          errors: rejected.map((r) => ({ field: r.field, message: r.reason })),
          rejected,
        });
      }
      const events = valid.map((v) => v.event);
      const results = await storeWrite(() => deps.store.ingest(events));
      let accepted = 0;
      let duplicates = 0;
      let suppressed = 0;
      const applied: { event: CustomerEvent; customerId: string }[] = [];
      results.forEach((r, i) => {
        if (r.status === 'accepted') {
          accepted += 1;
          if (r.customerId) applied.push({ event: events[i] as CustomerEvent, customerId: r.customerId });
        } else if (r.status === 'duplicate') duplicates += 1;
        else suppressed += 1;
      });
      deps.metrics.events.inc({ status: 'accepted' }, accepted);
      deps.metrics.events.inc({ status: 'duplicate' }, duplicates);
      deps.metrics.events.inc({ status: 'rejected' }, rejected.length);
      deps.observer.events(applied);
      return c.json({ accepted, duplicates, suppressed, rejected: rejected.map((r) => ({ index: r.index, field: r.field, reason: r.reason })) }, 200);
    },
  );
}
