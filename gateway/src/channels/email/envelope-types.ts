import type { ContentBlock } from '@omnikernel/sdk';

/** What an ESP gets (`format=json`); `html` and `text` are also served alone. */
export interface EmailEnvelope {
  readonly decisionId: string | null;
  readonly customerId: string | null;
  /** True when this is generic content, not the customer's decision. ESP templates test this, not the status. */
  readonly fallback: boolean;
  /** Why the fallback was served: `no-identifier`, `unknown-customer` or `error`. */
  readonly reason?: string;
  readonly blocks: readonly ContentBlock[];
  /** The blocks' HTML, in order: a fragment to insert in the ESP's template. */
  readonly html: string;
  readonly text: string;
}

/** How links and images are written. */
export interface EmailRenderOptions {
  /** Absolute base for relative catalog URLs, without a trailing slash. */
  readonly baseUrl: string;
  readonly locale: string;
}
