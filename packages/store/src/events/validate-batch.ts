import type { z } from 'zod';
import type { CustomerEvent, Outcome } from '@omnikernel/sdk';
import { createFastEventCheck } from './fast-event.ts';
import type { FastEventCheck } from './fast-event.ts';
import { createEventSchema, createOutcomeSchema } from './schema.ts';
import type { EventSchemaOptions } from './schema.ts';

/** One refused item of a batch: its index, the field path (`events[3].properties.items[0].quantity`) and why. */
export interface BatchRejection {
  readonly index: number;
  readonly field: string;
  readonly reason: string;
}

export interface BatchValidation<T> {
  readonly valid: Array<{ readonly index: number; readonly event: T }>;
  readonly rejected: BatchRejection[];
}

export interface BatchOptions extends EventSchemaOptions {
  /** Most items in one batch (default 500). */
  readonly maxBatch?: number;
}

/** The batch itself is unusable (not a list, or too long): the caller answers 400 or 413. */
export class InvalidBatchError extends Error {
  readonly code = 'OMK_ERR_STORE_INVALID_BATCH';
  readonly field: string;
  /** `too_large` maps to 413, `malformed` to 400. */
  readonly kind: 'malformed' | 'too_large';
  constructor(kind: 'malformed' | 'too_large', field: string, message: string) {
    super(message);
    this.name = 'InvalidBatchError';
    this.kind = kind;
    this.field = field;
  }
}

const DEFAULT_MAX_BATCH = 500;

/**
 * Validate a batch of events (`{ events: [...] }` or a bare array), each on its own: good events
 * are kept, bad ones rejected by index with the field path named. Throws `InvalidBatchError`
 * only when the batch itself is unusable.
 *
 * @example
 * const { valid, rejected } = validateEventBatch(body, { channels: ['kiosk'], maxBatch: 500 });
 * // rejected: [{ index: 3, field: 'events[3].properties.items[0].quantity', reason: 'Too small: …' }]
 */
export function validateEventBatch(body: unknown, options: BatchOptions = {}): BatchValidation<CustomerEvent> {
  const schema = cachedSchema('events', options, () => createEventSchema(options));
  return validateBatch<CustomerEvent>(schema, 'events', body, options.maxBatch, cachedFastCheck(options));
}

/** Validate a batch of outcomes (`{ outcomes: [...] }` or a bare array), like `validateEventBatch`. */
export function validateOutcomeBatch(body: unknown, options: BatchOptions = {}): BatchValidation<Outcome> {
  return validateBatch<Outcome>(cachedSchema('outcomes', options, () => createOutcomeSchema(options)), 'outcomes', body, options.maxBatch);
}

// Building a zod schema costs far more than using one: keep one per configuration, not per request.
const schemas = new Map<string, z.ZodType>();
function cachedSchema(kind: string, options: BatchOptions, make: () => z.ZodType): z.ZodType {
  const key = `${kind}|${options.defaultRegion ?? ''}|${(options.channels ?? []).join(',')}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = make();
    schemas.set(key, schema);
  }
  return schema;
}

const fastChecks = new Map<string, FastEventCheck>();
function cachedFastCheck(options: BatchOptions): FastEventCheck {
  const key = `${options.defaultRegion ?? ''}|${(options.channels ?? []).join(',')}`;
  let check = fastChecks.get(key);
  if (!check) {
    check = createFastEventCheck(options);
    fastChecks.set(key, check);
  }
  return check;
}

function validateBatch<T>(schema: z.ZodType, name: string, body: unknown, maxBatch = DEFAULT_MAX_BATCH, fast?: (item: unknown) => T | undefined): BatchValidation<T> {
  const items = Array.isArray(body) ? body : isRecord(body) ? body[name] : undefined;
  if (!Array.isArray(items)) {
    throw new InvalidBatchError('malformed', name, `the body must be { "${name}": [ … ] } or a JSON array of ${name}`);
  }
  if (items.length === 0) throw new InvalidBatchError('malformed', name, `"${name}" is empty: send at least one`);
  if (items.length > maxBatch) {
    throw new InvalidBatchError('too_large', name, `${items.length} ${name} in one batch; send at most ${maxBatch} per call`);
  }
  const valid: Array<{ index: number; event: T }> = [];
  const rejected: BatchRejection[] = [];
  items.forEach((item: unknown, index) => {
    // The common events are checked by hand (same answer, far cheaper); the rest, and every
    // refusal with its field and reason, by the schema.
    const event = fast?.(item);
    if (event !== undefined) {
      valid.push({ index, event });
      return;
    }
    const result = schema.safeParse(item);
    if (result.success) {
      valid.push({ index, event: result.data as T });
      return;
    }
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    rejected.push({ index, field: formatPath(`${name}[${index}]`, path), reason: issue?.message ?? 'invalid' });
  });
  return { valid, rejected };
}

/** `events[3]` + `['properties', 'items', 0, 'quantity']` → `events[3].properties.items[0].quantity`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), root);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
