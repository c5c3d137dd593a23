import type { DecisionService, Kernel } from '@omnikernel/kernel';
import type { Logger } from '@omnikernel/sdk';
import type { CustomerStore } from '@omnikernel/store';
import type { ApiKeyRing } from './auth/api-keys.ts';
import type { TokenSigner } from './auth/signed-token.ts';
import type { Settings } from './config/settings.ts';
import type { GatewayMetrics } from './metrics.ts';
import type { Observer } from './observer.ts';

/** What the HTTP app is made from. `main.ts` builds it; tests build their own. */
export interface GatewayDeps {
  readonly settings: Settings;
  readonly store: CustomerStore;
  readonly kernel: Kernel;
  readonly decisions: DecisionService;
  readonly keys: ApiKeyRing;
  readonly signer: TokenSigner;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly observer: Observer;
  /** Wall clock (ms); tests freeze it. */
  readonly now: () => number;
  /** False while starting or draining: /readyz answers 503. */
  readonly isReady: () => boolean;
}

/** Hono's per-request variables. */
export type GatewayEnv = {
  Variables: {
    requestId: string;
    /** The traceparent this response names, when the request joined a caller's trace. */
    traceparent?: string;
    /** Set by `plainResponse()`: the response already carries the request id and traceparent. */
    plainResponse?: boolean;
    principal?: string;
    tokenSubject?: string;
  };
};
