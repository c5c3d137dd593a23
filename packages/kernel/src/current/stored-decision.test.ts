import { describe, expect, it } from 'vitest';
import { createEmptyProfile, type Decision } from '@omnikernel/sdk';
import { encodeStoredDecision, forChannels, parseStoredDecision, readDecisionMeta, readServedDecision, type StoredDecision } from './stored-decision.ts';

const decision = {
  decisionId: 'dec_01',
  customerId: 'c-1',
  issuedAt: '2026-11-23T12:00:00.000Z',
  validUntil: '2026-11-23T13:00:00.000Z',
  offers: [],
  recommendations: [],
  content: [{ kind: 'text', text: 'two\nlines, a "quote" and 18,50 € (beyond Latin-1)' }],
  degraded: [],
  insights: {},
  explanation: { inputs: { profileVersion: 3 }, contributions: [], arbitration: [] },
} as unknown as Decision;

const stored: StoredDecision = {
  decision,
  meta: { decisionId: 'dec_01', customerId: 'c-1', profileVersion: 3, catalogVersion: 2, configFingerprint: 'cfg', issuedAtMs: 1, validUntilMs: 2 },
  replay: { profile: createEmptyProfile('c-1', '2026-11-23T12:00:00.000Z'), contactHistory: [], context: { channel: 'web' } },
};

describe('the stored decision payload', () => {
  it('round-trips, line breaks inside values included', () => {
    expect(parseStoredDecision(encodeStoredDecision(stored).payload)).toEqual(stored);
  });

  it('gives the meta alone, and meta with the decision as channels see it, without the replay inputs', () => {
    const payload = encodeStoredDecision(stored).payload;
    expect(readDecisionMeta(payload)).toEqual(stored.meta);
    const served = readServedDecision(payload);
    expect(served.meta).toEqual(stored.meta);
    const channelJson = served.channelBytes.toString('utf8');
    expect(JSON.parse(channelJson)).toEqual(forChannels(decision));
    expect(JSON.parse(channelJson).explanation).toEqual({ inputs: { profileVersion: 3 } });
    expect(channelJson).not.toContain('contributions');
  });

  it('is the UTF-8 of its four JSON lines, and hands back the channel line as a view of it', () => {
    const encoded = encodeStoredDecision(stored);
    const { contributions, arbitration } = decision.explanation;
    const lines = [stored.meta, forChannels(decision), { contributions, arbitration }, stored.replay].map((part) => JSON.stringify(part));
    expect(encoded.payload.equals(Buffer.from(lines.join('\n'), 'utf8'))).toBe(true);
    expect(encoded.channelBytes.toString('utf8')).toBe(lines[1]);
    expect(encoded.channelBytes.buffer).toBe(encoded.payload.buffer);
    expect(encoded.channel).toEqual(forChannels(decision));
  });

  it('still reads payloads written as one JSON object', () => {
    const { decisionId: _id, customerId: _customer, ...olderMeta } = stored.meta;
    const legacy = Buffer.from(JSON.stringify({ ...stored, meta: olderMeta }), 'utf8');
    expect(parseStoredDecision(legacy)).toEqual(stored);
    expect(readDecisionMeta(legacy)).toEqual(stored.meta);
    expect(JSON.parse(readServedDecision(legacy).channelBytes.toString('utf8'))).toEqual(forChannels(decision));
  });
});
