import type { Context } from 'hono';

/** One field that failed validation, named by its path (`events[3].occurredAt`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem document. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

const TYPE_BASE = 'https://omnikernel.dev/problems/';

/**
 * An error a route throws to answer with a problem document. `app.onError` renders it, so
 * handlers only ever return success.
 *
 * @example
 * throw new ApiError(404, 'not-found', 'Decision not found', `no decision with id ${id}`);
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: readonly FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export function problemOf(error: ApiError, instance?: string): Problem {
  const { headers: _h, ...extensions } = error.extra;
  return { type: `${TYPE_BASE}${error.slug}`, title: error.title, status: error.status, detail: error.detail, ...(instance ? { instance } : {}), ...extensions };
}

/** Renders a problem document with its media type. */
export function problemResponse(c: Context, error: ApiError): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', ...error.extra.headers };
  return c.body(JSON.stringify(problemOf(error, c.req.path)), error.status as 400, headers);
}

/** A 400 naming the fields. */
export function validationError(errors: readonly FieldError[], detail?: string): ApiError {
  const first = errors[0];
  return new ApiError(400, 'validation', 'Invalid request', detail ?? (first ? `${first.field}: ${first.message}` : 'the request is invalid'), { errors });
}

/** Turns zod issues into field errors with a readable path: `body.events[2].type`. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({ field: formatPath(issue.path, prefix), message: issue.message }));
}

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(body)';
}

/**
 * `c.json` for values whose readonly types Hono's JSON typing refuses (profiles, exports): the
 * body is the same JSON; only the compile-time shape is widened.
 */
export function sendJson<S extends 200 | 201>(c: Context, value: unknown, status: S, headers: Record<string, string> = {}) {
  return c.json(value as Record<string, never>, status, headers);
}
