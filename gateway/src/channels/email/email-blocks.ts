import type { ContentBlock, DecisionItem, DecisionOffer } from '@omnikernel/sdk';
import type { ChannelDecision } from '@omnikernel/kernel';
import { escapeHtml as e } from '../shared/escape-html.ts';
import { formatPrice } from '../shared/format-price.ts';
import { absoluteUrl, withParams } from '../shared/public-base-url.ts';
import type { EmailRenderOptions } from './envelope-types.ts';

export const GRID_SIZE = 4;
const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1b1f24';

/**
 * The e-mail blocks of a decision: the email-content plugin's when it composed some, otherwise a
 * hero for the first offer that may be taken up by e-mail and a grid of the top recommendations,
 * so e-mail never depends on that plugin being loaded.
 */
export function emailBlocks(decision: ChannelDecision, options: EmailRenderOptions): ContentBlock[] {
  const composed = decision.content.filter((b) => (b.html ?? '') !== '' || (b.text ?? '') !== '');
  if (composed.length > 0) return composed;
  const blocks: ContentBlock[] = [];
  const offer = decision.offers.find((o) => !o.channels || o.channels.includes('email'));
  if (offer) blocks.push(heroBlock(offer, options, { ok_decision: decision.decisionId, ok_offer: offer.offerId }));
  const items = decision.recommendations.slice(0, GRID_SIZE);
  if (items.length > 0) blocks.push(gridBlock(items, options, decision.decisionId));
  return blocks;
}

/** A hero for one offer; `attribution` goes on its link so a click can be reported against the decision. */
export function heroBlock(offer: Pick<DecisionOffer, 'offerId' | 'title' | 'description' | 'imageUrl' | 'url'>, options: EmailRenderOptions, attribution: Record<string, string>): ContentBlock {
  const image = absoluteUrl(offer.imageUrl, options.baseUrl);
  const href = link(offer.url, options, attribution);
  const title = `<h1 style="${FONT};font-size:24px;margin:0 0 8px">${e(offer.title)}</h1>`;
  const html =
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:16px;${FONT}">` +
    (image ? `<img src="${e(image)}" alt="${e(offer.title)}" width="560" style="display:block;max-width:100%;height:auto;border:0;margin:0 0 12px">` : '') +
    (href ? `<a href="${e(href)}" style="text-decoration:none">${title}</a>` : title) +
    (offer.description ? `<p style="${FONT};font-size:16px;margin:0 0 12px">${e(offer.description)}</p>` : '') +
    (href ? `<a href="${e(href)}" style="font-family:Arial,Helvetica,sans-serif;display:inline-block;padding:10px 18px;background:#1f6feb;color:#ffffff;text-decoration:none;border-radius:4px">See the offer</a>` : '') +
    '</td></tr></table>';
  const text = [offer.title, offer.description, href].filter(Boolean).join('\n');
  return { id: `hero-${offer.offerId}`, kind: 'hero', html, text, data: { offerId: offer.offerId, title: offer.title, description: offer.description ?? null, imageUrl: image ?? null, url: href ?? null } };
}

/** A two-column grid of products with catalog prices, formatted for display. */
function gridBlock(items: readonly DecisionItem[], options: EmailRenderOptions, decisionId: string): ContentBlock {
  const cells = items.map((item) => {
    const image = absoluteUrl(item.imageUrl, options.baseUrl);
    const href = link(item.url, options, { ok_decision: decisionId, ok_product: item.productId });
    const price = formatPrice(item.price, item.currency, options.locale);
    const name = `<span style="${FONT};font-size:15px">${e(item.name)}</span>`;
    const cell =
      (image ? `<img src="${e(image)}" alt="${e(item.name)}" width="260" style="display:block;max-width:100%;height:auto;border:0;margin:0 0 6px">` : '') +
      (href ? `<a href="${e(href)}" style="text-decoration:none">${name}</a>` : name) +
      `<br><b style="${FONT};font-size:15px">${e(price)}</b>`;
    return { item, image, href, price, html: `<td width="50%" valign="top" style="padding:8px">${cell}</td>` };
  });
  let rows = '';
  for (let i = 0; i < cells.length; i += 2) rows += `<tr>${cells[i]?.html ?? ''}${cells[i + 1]?.html ?? '<td width="50%"></td>'}</tr>`;
  return {
    id: 'grid-recommendations',
    kind: 'grid',
    html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}</table>`,
    text: cells.map((c) => `- ${c.item.name}: ${c.price}${c.href ? ` ${c.href}` : ''}`).join('\n'),
    data: { items: cells.map((c) => ({ productId: c.item.productId, name: c.item.name, price: c.item.price, currency: c.item.currency, priceFormatted: c.price, imageUrl: c.image ?? null, url: c.href ?? null })) },
  };
}

function link(url: string | undefined, options: EmailRenderOptions, attribution: Record<string, string>): string | undefined {
  const absolute = absoluteUrl(url, options.baseUrl);
  return absolute ? withParams(absolute, { ...attribution, ok_channel: 'email' }) : undefined;
}
