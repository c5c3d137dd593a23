import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { CurrentResult } from '@omnikernel/kernel';
import type { DecisionContext, Identifiers, Profile } from '@omnikernel/sdk';
import type { GatewayDeps, GatewayEnv } from '../deps.ts';
import { etagOf } from '../channels/public-decision.ts';
import { plainResponse } from '../http/plain-response.ts';
import { currentDecisionAnswer } from './current-decision-answer.ts';
import { ApiError } from '../http/problem.ts';
import { requireScope } from '../middleware/auth.ts';
import { channelEnum, decisionRequestSchema, identifierQuerySchema, requireIdentifier, simulateRequestSchema } from '../schemas/decision-request.ts';
import { jsonResponse, problemResponses } from './openapi-helpers.ts';

/** Serves a current decision with ETag/304 and Cache-Control, from bytes rendered once per decision. */
function serveCurrent(c: Context<GatewayEnv>, deps: GatewayDeps, result: CurrentResult, channel: string): Response {
  const answer = currentDecisionAnswer(deps, result, channel, c.req.header('if-none-match'));
  return plainResponse(c, answer.body, answer.status, answer.headers);
}

export function registerDecisionRoutes(app: OpenAPIHono<GatewayEnv>, deps: GatewayDeps): void {
  const custom = deps.settings.channels;
  const read = requireScope(deps.keys, 'decisions:read');

  app.use('/v1/decisions', read);
  app.use('/v1/decisions/*', read);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/decisions',
      tags: ['decisions'],
      summary: 'The current decision for a customer, for web, app and store',
      description: 'Resolves the customer from any identifier and returns the one current decision every channel shares. `ETag` is the decision id; `If-None-Match` gives 304. `X-Omnikernel-Customer` says `known`, `unknown` (a non-personalised decision) or `unresolved` (the store failed; the fallback decision, marked degraded).',
      request: { body: { required: true, content: { 'application/json': { schema: decisionRequestSchema(custom) } } } },
      responses: { 200: jsonResponse('The channel and the decision'), 304: { description: 'Not modified: the decision is still the current one' }, ...problemResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await deps.decisions.current(body.identifiers as Identifiers, { ...body.context, channel: body.channel } as DecisionContext);
      return serveCurrent(c, deps, result, body.channel);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/decisions/current',
      tags: ['decisions'],
      summary: 'The current decision by conditional GET, for edge and app caches',
      request: { query: identifierQuerySchema.extend({ channel: channelEnum(custom).default('web') }) },
      responses: { 200: jsonResponse('The channel and the decision'), 304: { description: 'Not modified' }, ...problemResponses },
    }),
    async (c) => {
      const { channel, ...identifiers } = c.req.valid('query');
      const result = await deps.decisions.current(requireIdentifier(identifiers), { channel });
      return serveCurrent(c, deps, result, channel);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/decisions/simulate',
      tags: ['decisions'],
      summary: 'What-if: the decision as it would be at a time and place, never stored or served',
      request: { body: { required: true, content: { 'application/json': { schema: simulateRequestSchema(custom) } } } },
      responses: { 200: jsonResponse('The simulated decision, with its full explanation'), ...problemResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const asOf = body.asOf ? Date.parse(body.asOf) : deps.now();
      const overrides: Partial<Profile> = {};
      const o = body.overrides ?? {};
      if (o.location) Object.assign(overrides, { location: { lat: o.location.lat, lon: o.location.lon, at: o.location.at ?? new Date(asOf).toISOString() } });
      if (o.timezone) Object.assign(overrides, { timezone: o.timezone });
      if (o.country) Object.assign(overrides, { country: o.country });
      if (o.consent) Object.assign(overrides, { consent: o.consent });
      if (o.segments) Object.assign(overrides, { segments: o.segments });
      if (o.lastStoreId) Object.assign(overrides, { lastStoreId: o.lastStoreId });
      const { decision, known } = await deps.decisions.simulate(body.identifiers as Identifiers, { ...body.context, channel: body.channel } as DecisionContext, asOf, overrides);
      return c.json({ channel: body.channel, simulated: true, known, asOf: new Date(asOf).toISOString(), decision }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/decisions/{decisionId}',
      tags: ['decisions'],
      summary: 'A past decision with its explanation (per-plugin contributions, arbitration scores, inputs fingerprint)',
      request: { params: z.object({ decisionId: z.string().min(1).max(128) }) },
      responses: { 200: jsonResponse('The decision with its explanation'), ...problemResponses },
    }),
    async (c) => {
      const { decisionId } = c.req.valid('param');
      const stored = await deps.decisions.byId(decisionId);
      if (!stored) throw new ApiError(404, 'not-found', 'Decision not found', `no decision ${decisionId} (decisions are kept ${deps.settings.decisionRetentionDays} days)`);
      return c.json({ decision: stored.decision, issuedFor: { profileVersion: stored.meta.profileVersion, catalogVersion: stored.meta.catalogVersion } }, 200, { etag: etagOf(decisionId) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/decisions/{decisionId}/replay',
      tags: ['decisions'],
      summary: 'Recompute a stored decision from its recorded inputs and compare',
      request: { params: z.object({ decisionId: z.string().min(1).max(128) }) },
      responses: { 200: jsonResponse('The replayed decision and whether it equals the original'), ...problemResponses },
    }),
    async (c) => {
      const { decisionId } = c.req.valid('param');
      const replay = await deps.decisions.replay(decisionId);
      if (!replay) throw new ApiError(404, 'not-found', 'Decision not found', `no decision ${decisionId}`);
      return c.json({ decisionId, equal: replay.equal, catalogChanged: replay.catalogChanged, replayed: replay.replayed }, 200);
    },
  );
}
