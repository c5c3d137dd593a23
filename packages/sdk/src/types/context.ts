import type { Channel } from './identifiers.ts';

/** Request context a channel sends with a decision request. */
export interface DecisionContext {
  readonly channel: Channel;
  /** The store the customer is in (store tablets, clienteling). */
  readonly storeId?: string;
  /** The device's current location, when the app shares it. */
  readonly location?: { readonly lat: number; readonly lon: number };
  /** IANA timezone of the device. */
  readonly timezone?: string;
  readonly locale?: string;
  /** The product on screen, for "goes with" recommendations. */
  readonly productId?: string;
  readonly page?: string;
}

/** A frozen clock: the decision time, the same for every plugin. */
export interface Clock {
  /** Milliseconds since the epoch, fixed for the whole decision. */
  now(): number;
  /** The same instant as an ISO string. */
  iso(): string;
}

/** A deterministic random source seeded from the decision's inputs. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A sample of Beta(alpha, beta). */
  beta(alpha: number, beta: number): number;
}

/** Structured logging scoped to the plugin. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
