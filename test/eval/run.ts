// Offline evaluation of the recommendations plugin on the UCI Online Retail data set, protocol B
// of the data set's README (../shared/data/README.md from the repository root), next to the POP and REPEAT baselines. `npm run eval`.
import { recommendationsOptionsSchema, recommendationsPlugin } from '@omnikernel/plugin-recommendations';
import { createCatalogView } from '@omnikernel/sdk/testing';
import { createBaselines } from './baselines.ts';
import { locateDataset, readDescriptions, readInteractions } from './dataset.ts';
import { buildProducts } from './eval-catalog.ts';
import { createEvalStore } from './eval-store.ts';
import { type Scores, scoreLists } from './metrics.ts';
import { splitAtCutoff, toInvoices } from './protocol.ts';
import { recommend } from './recommend.ts';
import { train } from './replay.ts';
import { printReport } from './report.ts';

const K = 10;
const CUTOFF = '2011-11-01';

async function main(): Promise<void> {
  const started = performance.now();
  const found = locateDataset();
  if (found.file === null) {
    console.error(`dataset not found at ${found.tried}; set OMNIKERNEL_DATASET`);
    process.exit(2);
  }
  const lines = await readInteractions(found.file);
  const products = buildProducts(lines, await readDescriptions(found.folder));
  const catalog = createCatalogView({ products, version: 1 });
  const split = splitAtCutoff(toInvoices(lines), CUTOFF);
  const n = products.length;

  const base = createBaselines(split, K);
  const baselines: Record<string, Scores> = {
    POP: scoreLists(split.targets, () => base.pop(), K, n),
    REPEAT: scoreLists(split.targets, (c) => base.repeat(c), K, n),
    'POP novel': scoreLists(split.novelTargets, (c) => base.popUnseen(c), K, n),
  };

  const store = await createEvalStore(products);
  // OMNIKERNEL_EVAL_OPTIONS: JSON options to try instead of the defaults (tuning), e.g. '{"blend":{"repeat":5}}'.
  const overrides = JSON.parse(process.env.OMNIKERNEL_EVAL_OPTIONS ?? '{}') as Record<string, unknown>;
  const options = recommendationsOptionsSchema.parse(overrides);
  const trainStart = performance.now();
  const snapshot = await train(recommendationsPlugin, split.train, store, catalog, options);
  const trainMs = performance.now() - trainStart;
  const at = `${CUTOFF}T00:00:00.000Z`;
  const overall = await recommend(recommendationsPlugin, split.targets.keys(), store, catalog, options, snapshot, at, K);
  const novelOptions = recommendationsOptionsSchema.parse({ ...overrides, repeatPurchases: 'exclude' });
  const novel = await recommend(recommendationsPlugin, split.novelTargets.keys(), store, catalog, novelOptions, snapshot, at, K);
  // Latency from a second, warm pass (the first one compiled the code); GC pauses of the big training heap still show in p99.
  const warm = await recommend(recommendationsPlugin, split.targets.keys(), store, catalog, options, snapshot, at, K);
  await store.close();

  const ids = (lists: typeof overall.lists) => (c: string) => (lists.get(c) ?? []).map((i) => i.productId);
  printReport({
    store: store.kind,
    trainInvoices: split.train.length,
    catalogSize: n,
    trainMs,
    totalMs: performance.now() - started,
    baselines,
    plugin: scoreLists(split.targets, ids(overall.lists), K, n),
    pluginNovel: scoreLists(split.novelTargets, ids(novel.lists), K, n),
    timings: warm.timings,
    example: [...overall.lists].find(([, items]) => items.some((i) => i.repeat) && items.some((i) => !i.repeat)),
    options,
  });
}

await main();
