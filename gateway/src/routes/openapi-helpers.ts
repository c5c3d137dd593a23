import { z } from '@hono/zod-openapi';

/** The problem+json responses every route may give. */
const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problemContent = { content: { 'application/problem+json': { schema: problem } } };

export const problemResponses = {
  400: { description: 'Invalid request: `errors[]` names each field', ...problemContent },
  401: { description: 'No valid API key', ...problemContent },
  403: { description: 'The API key lacks the scope', ...problemContent },
  404: { description: 'Not found', ...problemContent },
  503: { description: 'The store is unavailable; retry after `Retry-After` seconds', ...problemContent },
} as const;

/** A JSON response documented by description (bodies are described in the README and types). */
export function jsonResponse(description: string) {
  return { description, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } };
}
