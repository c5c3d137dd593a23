import type { ContentBlock, Contribution } from '@omnikernel/sdk';

/**
 * A stored contribution whose content blocks are the decision's own (a compose plugin's blocks
 * are what the decision's `content` is made of): the content is stored as the range of the
 * decision's blocks it was, not a second copy of ~7 KB of HTML. A contribution's `content` is
 * always an array, so an object in its place cannot be mistaken for one.
 */
interface ContentRange {
  readonly decisionContent: readonly [start: number, end: number];
}

type StoredContribution = Omit<Contribution, 'content'> & { readonly content?: Contribution['content'] | ContentRange };

/** Where `blocks` sit, as the very same objects one after the other, in the decision's content; null if they do not. */
function rangeOf(blocks: readonly ContentBlock[], content: readonly ContentBlock[]): ContentRange | null {
  const start = blocks.length === 0 ? -1 : content.indexOf(blocks[0] as ContentBlock);
  if (start < 0 || start + blocks.length > content.length) return null;
  for (let i = 1; i < blocks.length; i++) if (content[start + i] !== blocks[i]) return null;
  return { decisionContent: [start, start + blocks.length] };
}

/** The contributions as stored: content the decision holds becomes a range of it (key order kept; the same object when there is none). */
export function compactContributions(contributions: Readonly<Record<string, Contribution>>, content: readonly ContentBlock[]): Readonly<Record<string, StoredContribution>> {
  const out: Record<string, StoredContribution> = {};
  let compacted = false;
  for (const [name, contribution] of Object.entries(contributions)) {
    const range = contribution.content ? rangeOf(contribution.content, content) : null;
    out[name] = range ? { ...contribution, content: range } : contribution;
    compacted ||= range !== null;
  }
  return compacted ? out : contributions;
}

function isRange(value: StoredContribution['content']): value is ContentRange {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The contributions as computed, from their stored form and the decision's content (older payloads hold copies: kept as they are). */
export function expandContributions(stored: Readonly<Record<string, StoredContribution>>, content: readonly ContentBlock[]): Readonly<Record<string, Contribution>> {
  const out: Record<string, Contribution> = {};
  let expanded = false;
  for (const [name, contribution] of Object.entries(stored)) {
    const range = contribution.content;
    out[name] = isRange(range) ? { ...contribution, content: content.slice(range.decisionContent[0], range.decisionContent[1]) } : (contribution as Contribution);
    expanded ||= isRange(range);
  }
  return expanded ? out : (stored as Readonly<Record<string, Contribution>>);
}
