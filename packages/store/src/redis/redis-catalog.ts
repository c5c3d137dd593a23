import type { CatalogView, Offer, Product, Store } from '@omnikernel/sdk';
import { createCatalogView, EMPTY_CATALOG, upsertInto } from '../catalog/catalog-view.ts';
import type { CatalogData } from '../catalog/catalog-view.ts';
import type { RedisClient } from './connection.ts';
import type { KeyLayout } from './keys.ts';
import { asBatch } from './timed-client.ts';

const KINDS = ['products', 'stores', 'offers'] as const;
type Kind = (typeof KINDS)[number];

/** Fields per HSET, so one upsert of 5 000 items does not become one huge command. */
const CHUNK = 500;

/**
 * The catalog in Redis hashes (`ok:catalog:products|stores|offers`, id → JSON) with a version
 * counter (`ok:catalog:version`, INCR per upsert), and its in-process view: replaced, never
 * mutated, and never by an older version than it holds.
 */
export class RedisCatalog {
  readonly #client: RedisClient;
  readonly #keys: KeyLayout;
  #data: CatalogData = EMPTY_CATALOG;
  #view: CatalogView = createCatalogView(EMPTY_CATALOG, 0);
  #refreshing: Promise<CatalogView> | null = null;

  constructor(client: RedisClient, keys: KeyLayout) {
    this.#client = client;
    this.#keys = keys;
  }

  view(): CatalogView {
    return this.#view;
  }

  /** Writes items, bumps the version, and updates this instance's view at once. */
  async upsert(kind: Kind, items: readonly { readonly id: string }[]): Promise<number> {
    if (items.length === 0) return 0;
    for (let i = 0; i < items.length; i += CHUNK) {
      const fields = items.slice(i, i + CHUNK).flatMap((item) => [item.id, JSON.stringify(item)]);
      // A bulk write, like a batch of events: the batch timeout (see `asBatch`).
      await asBatch(this.#client, () => this.#client.hset(this.#keys.catalog(kind), ...fields));
    }
    const version = await this.#client.incr(this.#keys.catalogVersion);
    this.#data = upsertInto(this.#data, kind, items);
    this.#view = createCatalogView(this.#data, Math.max(version, this.#view.version));
    return items.length;
  }

  /** Re-reads everything; concurrent calls share one read. */
  refresh(): Promise<CatalogView> {
    this.#refreshing ??= this.#load().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #load(): Promise<CatalogView> {
    // Version first: the data read after it is at least that new, so the view never claims more than it holds.
    const version = Number((await this.#client.get(this.#keys.catalogVersion)) ?? 0);
    const [products = {}, stores = {}, offers = {}] = await Promise.all(KINDS.map((kind) => this.#client.hgetall(this.#keys.catalog(kind))));
    if (version < this.#view.version) return this.#view;
    this.#data = { products: parse<Product>(products), stores: parse<Store>(stores), offers: parse<Offer>(offers) };
    this.#view = createCatalogView(this.#data, version);
    return this.#view;
  }
}

function parse<T>(hash: Record<string, string>): Map<string, T> {
  return new Map(Object.entries(hash).map(([id, json]) => [id, JSON.parse(json) as T]));
}
