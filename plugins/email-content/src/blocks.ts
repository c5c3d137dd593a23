import type { CatalogView, ContentBlock, DecisionItem, DecisionOffer } from '@omnikernel/sdk';
import { absoluteUrl, trackedUrl } from './links.ts';
import { formatPrice } from './money.ts';
import type { EmailContentOptions } from './options.ts';
import { escapeHtml, render } from './render.ts';

/** A grid product with everything a template may show. */
export interface GridEntry {
  readonly productId: string;
  readonly name: string;
  readonly category: string;
  readonly price: string;
  readonly amount: number;
  readonly currency: string;
  readonly url: string;
  readonly imageUrl?: string;
  readonly reason: string;
}

function imageTag(src: string | undefined, alt: string, width: number | '100%'): string {
  if (!src) return '';
  const w = width === '100%' ? 'width="100%"' : `width="${width}"`;
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" ${w} style="display:block;border:0;max-width:100%;height:auto">`;
}

/** The hero block for the top offer, with its plain-text part. */
export function heroBlock(offer: DecisionOffer, decisionId: string, o: EmailContentOptions): ContentBlock {
  const url = trackedUrl(offer.url, o.baseUrl, o.tracking, decisionId, { offerId: offer.offerId }, o.trackingParams);
  const imageUrl = absoluteUrl(offer.imageUrl, o.baseUrl);
  const value = offer.currency ? formatPrice(offer.value, offer.currency, o.locale) : String(offer.value);
  const values = { title: offer.title, description: offer.description ?? offer.reasons[0] ?? '', reason: offer.reasons[0] ?? '', value, url, imageUrl, cta: o.cta };
  return {
    id: 'hero',
    kind: 'hero',
    html: render(o.templates.hero, { ...values, imageTag: imageTag(imageUrl, offer.title, '100%') }, 'html'),
    // The plain part goes in data: the `text` block is the one plain-text alternative, so a host
    // that joins every block's `text` does not repeat it.
    data: { offerId: offer.offerId, title: offer.title, value: offer.value, valueFormatted: value, url, ...(imageUrl ? { imageUrl } : {}), text: render(o.templates.heroText, values, 'text') },
  };
}

/** The decision's first products with the catalog's prices written for the locale. */
export function gridEntries(items: readonly DecisionItem[], catalog: CatalogView, decisionId: string, o: EmailContentOptions): GridEntry[] {
  return items.slice(0, o.gridSize).map((item) => {
    // The decision already carries the catalog's price; the catalog is the fallback for older decisions.
    const product = catalog.product(item.productId);
    const amount = Number.isFinite(item.price) ? item.price : (product?.price ?? 0);
    const currency = item.currency || product?.currency || 'EUR';
    const imageUrl = absoluteUrl(item.imageUrl ?? product?.imageUrl, o.baseUrl);
    return {
      productId: item.productId,
      name: item.name || product?.name || item.productId,
      category: item.category,
      price: formatPrice(amount, currency, o.locale),
      amount,
      currency,
      url: trackedUrl(item.url ?? product?.url, o.baseUrl, o.tracking, decisionId, { productId: item.productId }, o.trackingParams),
      ...(imageUrl ? { imageUrl } : {}),
      reason: item.reasons[0] ?? '',
    };
  });
}

/** The product grid: rows of `columns` cells, each from the item template. */
export function gridBlock(entries: readonly GridEntry[], o: EmailContentOptions): ContentBlock {
  const cells = entries.map((e) => render(o.templates.gridItem, { ...e, amount: undefined, imageTag: imageTag(e.imageUrl, e.name, o.imageWidth) }, 'html'));
  const width = Math.floor(100 / o.columns);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += o.columns) {
    const row = cells.slice(i, i + o.columns).map((cell) => `<td width="${width}%" valign="top" style="padding:8px">${cell}</td>`);
    while (row.length < o.columns) row.push(`<td width="${width}%" style="padding:8px"></td>`);
    rows.push(`<tr>${row.join('')}</tr>`);
  }
  return {
    id: 'grid',
    kind: 'grid',
    html: render(o.templates.grid, { title: o.gridTitle, columns: o.columns, rows: rows.join('\n') }, 'html'),
    data: { title: o.gridTitle, items: entries.map((e) => ({ ...e })), text: entries.map((e) => render(o.templates.itemText, { ...e }, 'text')).join('\n') },
  };
}

/**
 * The plain-text alternative of the whole e-mail. Its `html` is empty next to a hero or grid (it
 * is not part of the HTML e-mail); alone, for an empty decision, it is the e-mail: a paragraph.
 */
export function textBlock(hero: ContentBlock | undefined, grid: ContentBlock | undefined, o: EmailContentOptions): ContentBlock {
  const part = (block: ContentBlock | undefined) => (typeof block?.data?.text === 'string' ? block.data.text : '');
  if (hero || grid) {
    const text = render(o.templates.text, { heroText: part(hero), gridTitle: grid ? o.gridTitle : '', itemsText: part(grid), baseUrl: o.baseUrl }, 'text');
    return { id: 'text', kind: 'text', html: '', text: text.replace(/\n{3,}/g, '\n\n').trim() };
  }
  const text = render(o.templates.fallbackText, { baseUrl: o.baseUrl }, 'text').trim();
  return { id: 'text', kind: 'text', html: `<p style="font-family:Arial,Helvetica,sans-serif;font-size:16px;margin:16px">${escapeHtml(text)}</p>`, text };
}
