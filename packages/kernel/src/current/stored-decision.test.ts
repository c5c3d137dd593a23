import { describe, expect, it } from 'vitest';
import { createEmptyProfile, type Decision } from '@omnikernel/sdk';
import { forChannels, parseStoredDecision, readDecisionMeta, readServedDecision, serializeStoredDecision, type StoredDecision } from './stored-decision.ts';

const decision = {
  decisionId: 'dec_01',
  customerId: 'c-1',
  issuedAt: '2026-11-23T12:00:00.000Z',
  validUntil: '2026-11-23T13:00:00.000Z',
  offers: [],
  recommendations: [],
  content: [{ kind: 'text', text: 'two\nlines and a "quote"' }],
  degraded: [],
  insights: {},
  explanation: { inputs: { profileVersion: 3 }, contributions: [], arbitration: [] },
} as unknown as Decision;

const stored: StoredDecision = {
  decision,
  meta: { profileVersion: 3, catalogVersion: 2, configFingerprint: 'cfg', issuedAtMs: 1, validUntilMs: 2 },
  replay: { profile: createEmptyProfile('c-1', '2026-11-23T12:00:00.000Z'), contactHistory: [], context: { channel: 'web' } },
};

describe('the stored decision payload', () => {
  it('round-trips, line breaks inside values included', () => {
    expect(parseStoredDecision(serializeStoredDecision(stored))).toEqual(stored);
  });

  it('gives the meta alone, and meta with the decision as channels see it, without the replay inputs', () => {
    const payload = serializeStoredDecision(stored);
    expect(readDecisionMeta(payload)).toEqual(stored.meta);
    const served = readServedDecision(payload);
    expect(served).toEqual({ meta: stored.meta, decision: forChannels(decision) });
    expect(served).not.toHaveProperty('replay');
    expect(served.decision.explanation).toEqual({ inputs: { profileVersion: 3 } });
    expect(served.decision.content).toEqual(decision.content);
  });

  it('still reads payloads written as one JSON object', () => {
    const legacy = JSON.stringify(stored);
    expect(parseStoredDecision(legacy)).toEqual(stored);
    expect(readDecisionMeta(legacy)).toEqual(stored.meta);
    expect(readServedDecision(legacy).decision).toEqual(forChannels(decision));
  });
});
