import { contributionSchema, type Contribution } from '@omnikernel/sdk';

/*
 * The contribution check of every plugin run, without zod on the common path. zod's safeParse of a
 * typical contribution (ten items, three content blocks) cost ~15 µs per plugin. The fast path
 * below accepts only what it is sure the schema accepts, and then returns what zod returns: new
 * objects with the schema's key order, keys given as `undefined` kept, record values by reference.
 * Anything else — an invalid value, an unusual object (a prototype other than Object's or Array's,
 * symbol keys), a timestamp not in the canonical ISO form — goes to zod, which decides and words
 * the error. So it rejects exactly what zod rejects (randomised test against zod).
 */

export type CheckedContribution = { readonly ok: true; readonly contribution: Contribution } | { readonly ok: false; readonly message: string };

/** Thrown inside the fast path: "not sure, ask zod". Never escapes this module. */
const UNSURE = Symbol('unsure');

export function checkContribution(value: unknown): CheckedContribution {
  const sure = surelyValidContribution(value);
  if (sure !== null) return { ok: true, contribution: sure };
  const parsed = contributionSchema.safeParse(value);
  if (parsed.success) return { ok: true, contribution: parsed.data as Contribution };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `invalid contribution at '${issue?.path.join('.') || '(root)'}': ${issue?.message}` };
}

type Plain = Record<string, unknown>;

function unsure(): never {
  throw UNSURE;
}

function plainObject(value: unknown): Plain {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) unsure();
  if (Object.getOwnPropertySymbols(value).length > 0) unsure();
  return value as Plain;
}

/** A new array of each element through `each`; a hole reads as `undefined`, as in zod (`map` would skip it). */
function array<T>(value: unknown, max: number, each: (element: unknown) => T): T[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length > max) unsure();
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = each(value[i]);
  return out;
}

/** Own keys, each of them one the schema knows. */
function knownKeys(object: Plain, known: ReadonlySet<string>): string[] {
  const keys = Object.keys(object);
  for (const key of keys) if (!known.has(key)) unsure();
  return keys;
}

function string(value: unknown, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) unsure();
  return value;
}

function number(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) unsure();
  return value;
}

function reasons(value: unknown): string[] {
  return array(value, 20, (r) => string(r, 0, 500));
}

// The canonical form (`Date#toISOString`), which zod's `iso.datetime({ offset: true })` accepts;
// other valid forms (offsets, other precisions) are left to zod. Instants repeat (an offer's end,
// the end of a time window, for every customer): the last few found canonical are remembered.
const canonical = new Set<string>();

function isoInstant(value: unknown): string {
  if (typeof value !== 'string' || value.length !== 24 || value[23] !== 'Z') unsure();
  if (canonical.has(value)) return value;
  const time = Date.parse(value);
  if (!Number.isFinite(time) || new Date(time).toISOString() !== value) unsure();
  if (canonical.size >= 1024) canonical.clear();
  canonical.add(value);
  return value;
}

/**
 * Copies the keys of `input` that `shape` names, in the shape's order, each value through its
 * check; a key present with `undefined` stays (zod keeps it), an absent one stays absent.
 */
function pick(input: Plain, shape: Readonly<Record<string, (value: unknown) => unknown>>, known: ReadonlySet<string>, required: readonly string[] = []): Plain {
  knownKeys(input, known);
  for (const key of required) if (!Object.hasOwn(input, key)) unsure();
  const out: Plain = {};
  for (const key in shape) {
    if (!Object.hasOwn(input, key)) continue;
    const value = input[key];
    out[key] = value === undefined ? (required.includes(key) ? unsure() : undefined) : (shape[key] as (v: unknown) => unknown)(value);
  }
  return out;
}

function record(value: unknown, each: (v: unknown) => unknown): Plain {
  const input = plainObject(value);
  const out: Plain = {};
  for (const key of Object.keys(input)) {
    // Assigning `__proto__` would set the prototype instead of a key: zod's business.
    if (key === '__proto__') unsure();
    out[key] = each(input[key]);
  }
  return out;
}

const offerShape = {
  offerId: (v: unknown) => string(v, 1, Infinity),
  score: (v: unknown) => number(v, 0, 1),
  value: (v: unknown) => number(v, 0, Infinity),
  reasons,
  script: (v: unknown) => string(v, 0, 2000),
  validUntil: isoInstant,
};
const itemShape = {
  productId: (v: unknown) => string(v, 1, Infinity),
  score: (v: unknown) => number(v, 0, 1),
  reasons,
  repeat: (v: unknown) => (typeof v === 'boolean' ? v : unsure()),
};
const blockShape = {
  id: (v: unknown) => string(v, 1, Infinity),
  kind: (v: unknown) => string(v, 1, Infinity),
  html: (v: unknown) => string(v, 0, Infinity),
  text: (v: unknown) => string(v, 0, Infinity),
  data: (v: unknown) => record(v, (x) => x),
};
const contributionShape = {
  offers: (v: unknown) => array(v, 200, (o) => pick(plainObject(o), offerShape, offerKeys, ['offerId', 'score', 'reasons'])),
  items: (v: unknown) => array(v, 500, (i) => pick(plainObject(i), itemShape, itemKeys, ['productId', 'score', 'reasons'])),
  content: (v: unknown) => array(v, 50, (b) => pick(plainObject(b), blockShape, blockKeys, ['id', 'kind'])),
  validUntil: isoInstant,
  reasons,
  insights: (v: unknown) => record(v, (x) => (typeof x === 'string' ? x : number(x, -Infinity, Infinity))),
};
const offerKeys = new Set(Object.keys(offerShape));
const itemKeys = new Set(Object.keys(itemShape));
const blockKeys = new Set(Object.keys(blockShape));
const contributionKeys = new Set(Object.keys(contributionShape));

/** What zod would return for a contribution the fast path is sure of; null: ask zod. */
export function surelyValidContribution(value: unknown): Contribution | null {
  try {
    return pick(plainObject(value), contributionShape, contributionKeys) as Contribution;
  } catch (error) {
    if (error === UNSURE) return null;
    throw error;
  }
}
