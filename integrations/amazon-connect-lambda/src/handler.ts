import { fallbackMap, type FallbackReason } from './fallback.ts';

/** Connect retries a failing Lambda for up to 8 s in all; stay well inside one attempt. */
export const DEFAULT_BUDGET_MS = 3_000;
/** Kept back from the Lambda's own remaining time, to return the fallback before Lambda kills us. */
const SAFETY_MS = 500;
const GATEWAY_PATH = '/v1/channels/amazon-connect';

export interface HandlerOptions {
  /** Base URL of the omnikernel gateway, e.g. `https://omnikernel.example.com`. */
  readonly gatewayUrl: string;
  /** An API key with the `decisions:read` scope. */
  readonly apiKey: string;
  /** Time for the whole round trip (default 3000 ms). */
  readonly budgetMs?: number;
  /** Values merged into the fallback map (e.g. a generic `ok_nbo_script`). */
  readonly fallback?: Readonly<Record<string, string>>;
  /** Injected in tests; the global `fetch` otherwise. */
  readonly fetch?: typeof fetch;
  /** Where failures are reported (default `console.warn`, i.e. CloudWatch). Never given the key. */
  readonly warn?: (message: string, fields: Record<string, unknown>) => void;
}

/** The part of the Lambda context this handler reads. */
export interface LambdaContextLike {
  getRemainingTimeInMillis?(): number;
}

export type ConnectHandler = (event: unknown, context?: LambdaContextLike) => Promise<Record<string, string>>;

/**
 * A Lambda handler for an "Invoke AWS Lambda function" block: it forwards the contact-flow event
 * to omnikernel and returns the flat attribute map. It never throws: on timeout, a non-200, a
 * network error or a malformed answer it returns `fallbackMap(reason)`, because an error sends the
 * contact down the flow's Error branch (after Connect's retries) with nothing to say to the caller.
 *
 * @example
 * export const handler = createHandler({ gatewayUrl: 'https://omnikernel.example.com', apiKey: process.env.KEY! });
 */
export function createHandler(options: HandlerOptions): ConnectHandler {
  const url = `${options.gatewayUrl.replace(/\/+$/, '')}${GATEWAY_PATH}`;
  const doFetch = options.fetch ?? fetch;
  const warn = options.warn ?? ((message, fields) => console.warn(JSON.stringify({ message, ...fields })));
  const fail = (reason: FallbackReason, fields: Record<string, unknown> = {}) => {
    warn('omnikernel unavailable; returning the fallback map', { reason, ...fields });
    return fallbackMap(reason, options.fallback);
  };

  return async function omnikernelConnectHandler(event, context) {
    const remaining = context?.getRemainingTimeInMillis?.();
    const budget = Math.min(options.budgetMs ?? DEFAULT_BUDGET_MS, remaining === undefined ? Infinity : remaining - SAFETY_MS);
    if (budget <= 0) return fail('timeout', { budgetMs: budget });
    const started = Date.now();
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify(event ?? {}),
        signal: AbortSignal.timeout(budget),
      });
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => undefined);
        return fail('http_error', { status: res.status });
      }
      const map = stringMap(await res.json());
      return map ?? fail('bad_response');
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return fail('timeout', { budgetMs: budget, elapsedMs: Date.now() - started });
      return fail(error instanceof SyntaxError ? 'bad_response' : 'network_error', { error: (error as Error).message });
    }
  };
}

/** The answer when it is a flat object of strings (what Connect's STRING_MAP validation accepts). */
function stringMap(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'string') ? (Object.fromEntries(entries) as Record<string, string>) : null;
}

/** Options from the environment: OMNIKERNEL_URL, OMNIKERNEL_API_KEY, OMNIKERNEL_BUDGET_MS, OMNIKERNEL_FALLBACK_SCRIPT. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): HandlerOptions | null {
  const gatewayUrl = env.OMNIKERNEL_URL;
  const apiKey = env.OMNIKERNEL_API_KEY;
  if (!gatewayUrl || !apiKey) return null;
  const budget = Number(env.OMNIKERNEL_BUDGET_MS);
  return {
    gatewayUrl,
    apiKey,
    budgetMs: Number.isFinite(budget) && budget > 0 ? Math.min(budget, 7_000) : DEFAULT_BUDGET_MS,
    ...(env.OMNIKERNEL_FALLBACK_SCRIPT ? { fallback: { ok_nbo_script: env.OMNIKERNEL_FALLBACK_SCRIPT } } : {}),
  };
}

let fromEnv: ConnectHandler | undefined;

/** The Lambda entry point (`handler.handler`), configured from the environment on first use. */
export const handler: ConnectHandler = async (event, context) => {
  if (!fromEnv) {
    const options = optionsFromEnv();
    if (!options) {
      console.warn(JSON.stringify({ message: 'OMNIKERNEL_URL and OMNIKERNEL_API_KEY must be set; returning the fallback map' }));
      return fallbackMap('not_configured');
    }
    fromEnv = createHandler(options);
  }
  return fromEnv(event, context);
};
