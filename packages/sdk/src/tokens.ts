import type { CatalogView } from './types/catalog.ts';
import type { Logger } from './types/context.ts';
import type { PluginStateReader } from './types/state.ts';

/**
 * A typed injection token. Keyed by `Symbol.for`, so two copies of the SDK agree on it.
 *
 * @example
 * const PriceBook = createToken<PriceBook>('acme.price-book');
 * // host: kernel.provide(PriceBook, { useValue: myPriceBook })
 * // plugin setup: const prices = ctx.services.get(PriceBook)
 */
export interface Token<T> {
  readonly id: string;
  readonly symbol: symbol;
  /** Phantom member that carries `T`; never set. */
  readonly __type?: T;
  toString(): string;
}

/**
 * Creates a typed token for a service plugins may use.
 *
 * @example
 * export const GeoIndex = createToken<GeoIndex>('acme.geo-index');
 */
export function createToken<T>(id: string): Token<T> {
  const symbol = Symbol.for(`omnikernel.token.${id}`);
  return Object.freeze({ id, symbol, toString: () => `token{${id}}` }) as Token<T>;
}

/** What a plugin gets to look services up by token. */
export interface ServiceResolver {
  /** Throws `OMK_ERR_SERVICE_MISSING` naming the token when nothing is registered. */
  get<T>(token: Token<T>): T;
  has(token: Token<unknown>): boolean;
}

/** The tokens the kernel registers in every plugin's container. */
export const tokens = Object.freeze({
  /** The plugin's own logger (fields carry the plugin name). */
  logger: createToken<Logger>('core.logger'),
  /** The plugin's validated options. */
  options: createToken<unknown>('core.options'),
  /** The plugin's name. */
  pluginName: createToken<string>('core.plugin-name'),
  /** Read access to the plugin's learned state. */
  state: createToken<PluginStateReader>('core.state'),
  /** The current catalog. */
  catalog: createToken<() => CatalogView>('core.catalog'),
});
