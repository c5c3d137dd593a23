import type { CatalogItem } from '../load/plans.ts';
import type { BenchCustomer } from './customers.ts';

/** What is measured: the bare Hono baseline, or the gateway on one of its stores. */
export interface Subject {
  readonly kind: 'baseline' | 'embedded' | 'redis';
  readonly label: string;
  readonly url: string;
  readonly pid: number;
}

/** What every scenario needs to build its requests. */
export interface BenchContext {
  readonly apiKey: string;
  readonly customers: readonly BenchCustomer[];
  readonly products: readonly CatalogItem[];
}
