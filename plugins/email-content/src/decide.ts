import type { ContentBlock, Contribution, DecideInput } from '@omnikernel/sdk';
import { gridBlock, gridEntries, heroBlock, textBlock } from './blocks.ts';
import type { EmailContentOptions } from './options.ts';

/**
 * Builds the e-mail from the arbitrated decision: a hero for the top offer (the next best
 * offer, else the first), a grid of the first `gridSize` recommendations with catalog prices,
 * and a plain-text alternative. Every link carries the decision id. Proposes nothing itself.
 */
export function decideEmailContent(input: DecideInput<EmailContentOptions>): Contribution {
  const { decision, options, catalog } = input;
  if (input.signal.aborted || !decision) return {};
  const offer = decision.nextBestOffer ?? decision.offers[0];
  const hero = offer ? heroBlock(offer, decision.decisionId, options) : undefined;
  const entries = gridEntries(decision.recommendations, catalog, decision.decisionId, options);
  const grid = entries.length > 0 ? gridBlock(entries, options) : undefined;
  const content: ContentBlock[] = [...(hero ? [hero] : []), ...(grid ? [grid] : []), textBlock(hero, grid, options)];
  return { content };
}
