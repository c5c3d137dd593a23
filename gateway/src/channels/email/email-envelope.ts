import type { CatalogView, ContentBlock, Offer } from '@omnikernel/sdk';
import type { ChannelDecision } from '@omnikernel/kernel';
import { escapeHtml } from '../shared/escape-html.ts';
import { emailBlocks, heroBlock } from './email-blocks.ts';
import type { EmailEnvelope, EmailRenderOptions } from './envelope-types.ts';

/** The customer's e-mail content from their current decision. */
export function emailEnvelope(decision: ChannelDecision, options: EmailRenderOptions): EmailEnvelope {
  return assemble({ decisionId: decision.decisionId, customerId: decision.customerId, fallback: false }, emailBlocks(decision, options));
}

/**
 * Generic content for when the customer's cannot be served: the catalog's default offer when it
 * has one, else a static line. It reads only the in-process catalog, so it cannot fail the way
 * the store or the plugins can; with no catalog at all it is the static line.
 */
export function fallbackEnvelope(catalog: CatalogView | null, options: EmailRenderOptions, reason: string): EmailEnvelope {
  let offer: Offer | undefined;
  try {
    offer = catalog ? [...catalog.offers()].find((o) => o.isDefault) : undefined;
  } catch {
    offer = undefined;
  }
  const blocks: ContentBlock[] = offer
    ? [heroBlock({ offerId: offer.id, title: offer.title, description: offer.description, imageUrl: offer.imageUrl, url: offer.url }, options, { ok_offer: offer.id })]
    : [staticBlock()];
  return assemble({ decisionId: null, customerId: null, fallback: true, reason }, blocks);
}

function staticBlock(): ContentBlock {
  const text = 'Discover what is new this week, online and in our stores.';
  return { id: 'static-fallback', kind: 'text', html: `<p style="font-family:Arial,Helvetica,sans-serif;font-size:16px;margin:16px">${escapeHtml(text)}</p>`, text, data: {} };
}

function assemble(head: Pick<EmailEnvelope, 'decisionId' | 'customerId' | 'fallback' | 'reason'>, blocks: readonly ContentBlock[]): EmailEnvelope {
  return {
    ...head,
    blocks,
    html: blocks.map((b) => b.html ?? (b.text ? `<p>${escapeHtml(b.text)}</p>` : '')).join('\n'),
    text: blocks.map((b) => b.text ?? '').filter(Boolean).join('\n\n'),
  };
}
