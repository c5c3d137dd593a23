import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { DecisionContext, Identifiers } from '@omnikernel/sdk';
import { hasScope, presentedKey } from '../auth/api-keys.ts';
import type { GatewayDeps } from '../deps.ts';
import { requestIdFrom } from '../middleware/request-id.ts';
import { currentDecisionAnswer } from '../routes/current-decision-answer.ts';
import { decisionRequestSchema } from '../schemas/decision-request.ts';
import { ApiError, problemOf } from './problem.ts';

/** What the lane falls back to: the app's fetch, for a request whose body the lane already read. */
export type Fetch = (request: Request) => Response | Promise<Response>;

const PATH = '/v1/decisions';
const JSON_MEDIA_TYPE = /^application\/json\s*(?:;|$)/i;

/**
 * `POST /v1/decisions`, the request every page view of every channel makes, answered straight from
 * Node's request and response objects: no Web `Request`/`Response`, no router, no middleware chain.
 * Those cost about as much as the rest of a warm decision, which is otherwise a cache lookup and
 * a write of bytes the decision already holds.
 *
 * The lane takes only requests the route would answer 200 or 304: the right path and method, a
 * JSON body, an API key with `decisions:read`, a body the route's own schema accepts, no trace to
 * join. Anything else goes to the app untouched (or, once its body is read, rebuilt from it), so
 * every error is the app's own problem document. The answer is the route's (`currentDecisionAnswer`),
 * with the headers the app adds to every response (request id) and the same metrics.
 */
export function withDecisionFastLane(next: RequestListener, deps: GatewayDeps, fetch: Fetch): RequestListener {
  const schema = decisionRequestSchema(deps.settings.channels);
  return (req, res) => {
    if (!takes(req, deps)) {
      next(req, res);
      return;
    }
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const parsed = schema.safeParse(parseJson(body));
      if (!parsed.success) {
        void replay(req, res, body, fetch, deps);
        return;
      }
      const { identifiers, channel, context } = parsed.data;
      const requestId = requestIdFrom(header(req, 'x-request-id'));
      deps.decisions
        .current(identifiers as Identifiers, { ...context, channel } as DecisionContext)
        .then((result) => {
          const answer = currentDecisionAnswer(deps, result, channel, header(req, 'if-none-match'));
          const headers: Record<string, string | number> = { 'x-request-id': requestId, ...answer.headers };
          if (answer.body !== null) headers['content-length'] = answer.body.byteLength;
          res.writeHead(answer.status, headers);
          res.end(answer.body);
          deps.metrics.requestDone(PATH, 'POST', answer.status, (performance.now() - started) / 1000);
        })
        .catch((error: unknown) => {
          deps.logger.error('unhandled error', { requestId, path: PATH, error: (error as Error).stack ?? String(error) });
          const problem = problemOf(new ApiError(500, 'internal', 'Internal error', `something failed on our side; quote request id ${requestId}`), PATH);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json', 'x-request-id': requestId });
          res.end(JSON.stringify(problem));
          deps.metrics.requestDone(PATH, 'POST', 500, (performance.now() - started) / 1000);
        });
    });
    req.on('error', () => res.destroy());
  };
}

/** A single header's value (Node joins repeated ones, or keeps the first for the few it must). */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Whether the lane may answer: judged on the request line and headers alone, before any body is read. */
function takes(req: IncomingMessage, deps: GatewayDeps): boolean {
  if (req.method !== 'POST' || req.url !== PATH) return false;
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_MEDIA_TYPE.test(type)) return false;
  // A trace to join: the app runs the request in the caller's trace and names it in the answer.
  if (req.headers.traceparent !== undefined) return false;
  const key = presentedKey(req.headers.authorization);
  const principal = key ? deps.keys.authenticate(key) : null;
  return principal !== null && hasScope(principal, 'decisions:read');
}

/** The body as JSON, or undefined when it is not: the schema then refuses it, and the app names the fault. */
function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Hands a request whose body the lane has read to the app, and writes the app's answer. */
async function replay(req: IncomingMessage, res: ServerResponse, body: Buffer, fetch: Fetch, deps: GatewayDeps): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const response = await fetch(new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, { method: 'POST', headers, body }));
    const bytes = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string | number> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    out['content-length'] = bytes.byteLength;
    res.writeHead(response.status, out);
    res.end(bytes);
  } catch (error) {
    deps.logger.error('could not hand a request to the app', { path: PATH, error: (error as Error).stack ?? String(error) });
    res.destroy();
  }
}
