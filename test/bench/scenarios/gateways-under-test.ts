import { gatewayProcessOptions, type BenchConfig } from '../config.ts';
import type { CatalogItem } from '../load/plans.ts';
import type { Pinning } from '../servers/cpu-pinning.ts';
import { allCores, pinRunning } from '../servers/cpu-pinning.ts';
import { startGateway, type RunningGateway } from '../servers/gateway.ts';
import { startBenchRedis } from '../servers/redis.ts';
import { copyCatalog } from './copy-catalog.ts';
import type { BenchCustomer } from './customers.ts';
import { prepareGateway, type Preparation } from './prepare-gateway.ts';
import { fetchProducts } from './seed.ts';
import type { Subject } from './subjects.ts';

export interface GatewayUnderTest {
  readonly subject: Subject;
  readonly gateway: RunningGateway;
  readonly preparation: Preparation;
}

export interface GatewaysUnderTest {
  readonly gateways: readonly GatewayUnderTest[];
  readonly products: readonly CatalogItem[];
  /** Where the Redis store ran, or why it did not. */
  readonly redisNote: string;
  /** The bench's redis-server, when it runs: its work for the Redis gateway is part of what must settle between runs. */
  readonly redisPid: number | null;
}

interface Options {
  readonly root: string;
  readonly config: BenchConfig;
  readonly pinning: Pinning;
  readonly apiKey: string;
  readonly customers: readonly BenchCustomer[];
  readonly log: (line: string) => void;
}

/**
 * Starts the gateway on the embedded store and on Redis and seeds both at once, each free to use
 * both cores (seeding 10,000 customers and computing their decisions is the longest part of a
 * run); each is pinned to the server core once ready. A Redis gateway that cannot be started or
 * seeded is reported, not fatal: the embedded figures are still worth having.
 */
export async function startGatewaysUnderTest(options: Options): Promise<GatewaysUnderTest> {
  const { config, pinning, apiKey, customers, log } = options;
  const cores = allCores(pinning);
  const start = (extra: { redisUrl?: string; demo?: boolean } = {}) => startGateway({ root: options.root, ...gatewayProcessOptions(config), pinning, apiKey, cores, ...extra });

  const prepare = async (subject: Subject, gateway: RunningGateway, products: readonly CatalogItem[], redisPort?: number): Promise<GatewayUnderTest> => {
    log(`gateway (${subject.label}) ready at ${gateway.url}; seeding ${customers.length.toLocaleString('en-US')} customers`);
    const p = await prepareGateway(subject.url, subject.pid, apiKey, customers, products, redisPort);
    log(
      `${subject.label}: ingested ${p.events.toLocaleString('en-US')} events in ${p.ingestSeconds.toFixed(1)} s` +
        (p.ingestRetries ? ` (${p.ingestRetries} batches retried after 503${p.duplicatesAfter503 ? `; ${p.duplicatesAfter503} of their events were already stored` : ''})` : '') +
        `, computed ${customers.length.toLocaleString('en-US')} decisions in ${p.prewarmSeconds.toFixed(1)} s` +
        (p.prewarmRetries ? ` (${p.prewarmRetries} retried after 5xx, first: ${p.prewarmFirstError})` : '') +
        (p.unknownCustomers.length ? `; ${p.unknownCustomers.length} ingested customers answered as unknown: ${p.unknownCustomers.slice(0, 3).join(', ')}` : ''),
    );
    pinRunning(pinning, subject.pid, pinning.serverCore);
    return { subject, gateway, preparation: p };
  };

  const embedded = await start();
  const products = await fetchProducts(embedded.url, apiKey);
  let redisNote = 'not run (BENCH_REDIS=0)';
  let redisPid: number | null = null;

  /**
   * The Redis gateway with the demo catalog: copied through the catalog API, or with
   * BENCH_REDIS_DEMO=1 the whole demo written at start, which can fail with a command timeout
   * while the machine is busy; that start is idempotent, so it is tried again.
   */
  const bootOnRedis = async (redisUrl: string): Promise<RunningGateway> => {
    for (let attempt = 1; ; attempt++) {
      const booted = performance.now();
      let gateway: RunningGateway | null = null;
      try {
        gateway = await start({ redisUrl, demo: config.redisDemo });
        if (!config.redisDemo) await copyCatalog(embedded.url, gateway.url, apiKey);
        log(`gateway (redis) started in ${((performance.now() - booted) / 1000).toFixed(1)} s (${config.redisDemo ? 'demo data written to Redis' : 'demo catalog copied from the embedded gateway'})${attempt > 1 ? ` at attempt ${attempt}` : ''}`);
        return gateway;
      } catch (error) {
        await gateway?.stop();
        if (attempt === 3) throw error;
        const lines = (error as Error).message.split('\n');
        log(`gateway (redis) failed to start (attempt ${attempt}): ${lines.find((l) => l.startsWith('omnikernel could not start')) ?? lines[0]}; retrying`);
      }
    }
  };

  const onRedis = async (): Promise<GatewayUnderTest | null> => {
    if (!config.redis) return null;
    let gateway: RunningGateway | null = null;
    try {
      const redis = await startBenchRedis(pinning);
      redisNote = `${redis.server.url}${redis.pinned ? ', pinned to the load core' : ', not pinned'}`;
      redisPid = redis.pid;
      gateway = await bootOnRedis(redis.server.url);
      return await prepare({ kind: 'redis', label: 'redis', url: gateway.url, pid: gateway.pid }, gateway, products, redis.server.port);
    } catch (error) {
      // Not left idling beside the measured gateways.
      await gateway?.stop();
      redisNote = `failed: ${(error as Error).message.split('\n')[0]}`;
      log(`redis store not measured: ${(error as Error).message}`);
      return null;
    }
  };

  const [first, second] = await Promise.all([prepare({ kind: 'embedded', label: 'embedded', url: embedded.url, pid: embedded.pid }, embedded, products), onRedis()]);
  return { gateways: second ? [first, second] : [first], products, redisNote, redisPid: second ? redisPid : null };
}
