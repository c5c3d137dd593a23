import type { Line } from './dataset.ts';

/** An invoice: one basket, timed by its earliest line. */
export interface Invoice {
  readonly id: string;
  readonly customerId: string;
  /** `YYYY-MM-DD HH:MM:SS`. */
  readonly at: string;
  readonly country: string;
  readonly lines: readonly Line[];
  readonly products: ReadonlySet<string>;
}

/** Protocol B of `eval_baselines.py`. */
export interface Split {
  /** Every invoice before the cutoff, in time order (then by invoice number). */
  readonly train: readonly Invoice[];
  /** Each customer's training baskets, in time order. */
  readonly history: ReadonlyMap<string, readonly Invoice[]>;
  /** The first basket on or after the cutoff, for customers who also bought before it. */
  readonly targets: ReadonlyMap<string, ReadonlySet<string>>;
  /** The same, counting only products the customer never bought before (customers with some). */
  readonly novelTargets: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Groups lines into invoices, each timed by its earliest line (they can straddle a minute). */
export function toInvoices(lines: readonly Line[]): Invoice[] {
  const byId = new Map<string, { lines: Line[]; at: string }>();
  for (const line of lines) {
    const entry = byId.get(line.invoice);
    if (entry === undefined) byId.set(line.invoice, { lines: [line], at: line.date });
    else {
      entry.lines.push(line);
      if (line.date < entry.at) entry.at = line.date;
    }
  }
  return [...byId].map(([id, { lines: own, at }]) => ({
    id,
    customerId: own[0]!.customerId,
    at,
    country: own[0]!.country,
    lines: own,
    products: new Set(own.map((l) => l.productId)),
  }));
}

/** Splits at `cutoff` (`YYYY-MM-DD`) exactly as `eval_baselines.py` protocol B does. */
export function splitAtCutoff(invoices: readonly Invoice[], cutoff: string): Split {
  const ordered = [...invoices].sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id));
  const train = ordered.filter((i) => i.at < cutoff);
  const history = new Map<string, Invoice[]>();
  for (const invoice of train) {
    const list = history.get(invoice.customerId) ?? [];
    list.push(invoice);
    history.set(invoice.customerId, list);
  }
  const targets = new Map<string, ReadonlySet<string>>();
  const novelTargets = new Map<string, ReadonlySet<string>>();
  for (const invoice of ordered) {
    if (invoice.at < cutoff || targets.has(invoice.customerId)) continue;
    const past = history.get(invoice.customerId);
    if (!past) continue;
    targets.set(invoice.customerId, invoice.products);
    const owned = new Set(past.flatMap((p) => [...p.products]));
    const novel = new Set([...invoice.products].filter((p) => !owned.has(p)));
    if (novel.size > 0) novelTargets.set(invoice.customerId, novel);
  }
  return { train, history, targets, novelTargets };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
