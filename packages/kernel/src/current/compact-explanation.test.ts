import { describe, expect, it } from 'vitest';
import { createEmptyProfile, type ContentBlock, type Contribution, type Decision } from '@omnikernel/sdk';
import { compactContributions, expandContributions } from './compact-explanation.ts';
import { encodeStoredDecision, parseStoredDecision, type StoredDecision } from './stored-decision.ts';

const hero: ContentBlock = { id: 'hero', kind: 'hero', html: '<h1>Free shipping over €49</h1>', data: { value: 6, text: 'a\nb' } };
const grid: ContentBlock = { id: 'grid', kind: 'grid', html: '<table></table>' };
const text: ContentBlock = { id: 'text', kind: 'text', html: '', text: 'plain' };
const banner: ContentBlock = { id: 'banner', kind: 'banner', html: '<b>x</b>' };

// Contributions as the pipeline records them: compose plugins' blocks are the decision's own objects.
const contributions: Record<string, Contribution> = {
  recommendations: { items: [{ productId: 'p-1', score: 0.5, reasons: ['r'] }] },
  // A propose plugin's content is not part of the decision's: it stays a copy.
  banners: { content: [{ ...banner }], reasons: ['why'] },
  'email-content': { content: [hero, grid], insights: { blocks: 2 }, reasons: ['after content'] },
  footer: { content: [text] },
  empty: { content: [] },
};
const content = [hero, grid, text];

const decision = {
  decisionId: 'dec_01',
  customerId: 'c-1',
  issuedAt: '2026-11-23T12:00:00.000Z',
  validUntil: '2026-11-23T13:00:00.000Z',
  offers: [],
  nextBestOffer: null,
  recommendations: [],
  content,
  degraded: [],
  insights: {},
  explanation: { inputs: { profileVersion: 3 }, contributions, arbitration: [{ kind: 'item', id: 'p-1', source: 'recommendations', propensity: 0.5, value: 1, weight: 1, score: 0.5, kept: true }] },
} as unknown as Decision;

const stored: StoredDecision = {
  decision,
  meta: { decisionId: 'dec_01', customerId: 'c-1', profileVersion: 3, catalogVersion: 2, configFingerprint: 'cfg', issuedAtMs: 1, validUntilMs: 2 },
  replay: { profile: createEmptyProfile('c-1', '2026-11-23T12:00:00.000Z'), contactHistory: [], context: { channel: 'web' } },
};

describe('the compact explanation', () => {
  it('stores content blocks the decision holds as a range of its content, and nothing else differently', () => {
    const compact = compactContributions(contributions, content);
    expect(compact['email-content']).toEqual({ content: { decisionContent: [0, 2] }, insights: { blocks: 2 }, reasons: ['after content'] });
    expect(Object.keys(compact['email-content'] as object)).toEqual(['content', 'insights', 'reasons']);
    expect(compact.footer).toEqual({ content: { decisionContent: [2, 3] } });
    expect(compact.banners).toBe(contributions.banners);
    expect(compact.empty).toBe(contributions.empty);
    expect(compact.recommendations).toBe(contributions.recommendations);
  });

  it('expands back to the same JSON, key order included', () => {
    const roundTripped = JSON.parse(JSON.stringify(compactContributions(contributions, content)));
    expect(JSON.stringify(expandContributions(roundTripped, JSON.parse(JSON.stringify(content))))).toBe(JSON.stringify(contributions));
  });

  it('keeps blocks that are equal but not the decision\'s own, or not in its order, as copies', () => {
    const copies = { a: { content: [{ ...hero }] }, b: { content: [grid, hero] } };
    const compact = compactContributions(copies, content);
    expect(compact.a).toBe(copies.a);
    expect(compact.b).toBe(copies.b);
  });

  it('makes the stored payload smaller, and GET /v1/decisions/{id} reads the same decision back', () => {
    const encoded = encodeStoredDecision(stored);
    const full = [stored.meta, decision, stored.replay].reduce((n, part) => n + JSON.stringify(part).length, 0);
    expect(encoded.payload.length).toBeLessThan(full);
    const parsed = parseStoredDecision(encoded.payload);
    expect(JSON.stringify(parsed.decision)).toBe(JSON.stringify(decision));
    expect(parsed).toEqual(stored);
  });

  it('still reads four-line payloads whose contributions hold copies of the content', () => {
    const { contributions: c, arbitration } = decision.explanation;
    const { explanation: _e, ...rest } = decision;
    const older = [stored.meta, { ...rest, explanation: { inputs: decision.explanation.inputs } }, { contributions: c, arbitration }, stored.replay].map((p) => JSON.stringify(p)).join('\n');
    const parsed = parseStoredDecision(Buffer.from(older, 'utf8'));
    expect(JSON.stringify(parsed.decision)).toBe(JSON.stringify(decision));
  });
});
