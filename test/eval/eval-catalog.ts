import type { Product } from '@omnikernel/sdk';
import type { Line } from './dataset.ts';

/**
 * The catalog the evaluation decides against: every product of the data set, priced at the
 * median unit price of its lines (GBP), named by its description when the raw file gives one,
 * in a category that is the description's last word (the noun: HOLDER, LANTERN, MUG…) or, without
 * descriptions, the stock code's first three characters.
 */
export function buildProducts(lines: readonly Line[], descriptions: ReadonlyMap<string, string>): Product[] {
  const prices = new Map<string, number[]>();
  for (const line of lines) {
    const list = prices.get(line.productId) ?? [];
    list.push(line.price);
    prices.set(line.productId, list);
  }
  return [...prices].map(([id, list]) => {
    const description = descriptions.get(id);
    return { id, name: description ? titleCase(description) : id, category: categoryOf(id, description), price: median(list), currency: 'GBP' };
  });
}

function categoryOf(id: string, description: string | undefined): string {
  const words = description?.toLowerCase().match(/[a-z]+/g);
  return words && words.length > 0 ? words[words.length - 1]! : `code-${id.slice(0, 3)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 100) / 100;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
