import type { CatalogItem } from '../load/plans.ts';
import { readMemory } from '../servers/proc-status.ts';
import { redisUsedMemory } from '../servers/redis-info.ts';
import type { BenchCustomer } from './customers.ts';
import { readCounters } from './gateway-metrics.ts';
import { ingestCustomers, prewarmDecisions } from './seed.ts';

export interface Preparation {
  readonly events: number;
  readonly ingestSeconds: number;
  /** 503 answers retried while seeding (the Redis store's command timeouts under load). */
  readonly ingestRetries: number;
  /** Events a retry after 503 called duplicates: part of a batch answered 503 had been stored. */
  readonly duplicatesAfter503: number;
  /** Ingested customers the gateway still called unknown when asked for their decision. */
  readonly unknownCustomers: readonly string[];
  readonly prewarmSeconds: number;
  /** Decision requests retried after a 5xx while pre-warming, and the first such answer. */
  readonly prewarmRetries: number;
  readonly prewarmFirstError: string | null;
  readonly rssBefore: number;
  readonly rssAfter: number;
  /** Redis `used_memory` before and after (Redis store only). */
  readonly redisBefore: number | null;
  readonly redisAfter: number | null;
  readonly storeStats: Readonly<Record<string, number>>;
}

/**
 * Puts a freshly booted gateway in the state the warm scenarios assume: the bench customers
 * ingested and every current decision computed, stored and cached. RSS is read before and after,
 * so the difference divided by the customers is what one customer costs the process.
 */
export async function prepareGateway(url: string, pid: number, apiKey: string, customers: readonly BenchCustomer[], products: readonly CatalogItem[], redisPort?: number): Promise<Preparation> {
  const rssBefore = readMemory(pid)?.rss ?? NaN;
  const redisBefore = redisPort === undefined ? null : await redisUsedMemory(redisPort);
  const ingest = await ingestCustomers(url, apiKey, customers, products);
  const prewarm = await prewarmDecisions(url, apiKey, customers);
  const rssAfter = readMemory(pid)?.rss ?? NaN;
  const redisAfter = redisPort === undefined ? null : await redisUsedMemory(redisPort);
  const { store } = await readCounters(url, apiKey);
  return { events: ingest.events, ingestSeconds: ingest.seconds, ingestRetries: ingest.retries, duplicatesAfter503: ingest.duplicatesAfter503, unknownCustomers: prewarm.unknown, prewarmSeconds: prewarm.seconds, prewarmRetries: prewarm.retries, prewarmFirstError: prewarm.firstError, rssBefore, rssAfter, redisBefore, redisAfter, storeStats: store };
}
