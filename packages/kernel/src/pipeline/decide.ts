import {
  createFrozenClock,
  createSeededRandom,
  type CatalogView,
  type ContactRecord,
  type Contribution,
  type Decision,
  type DecisionContext,
  type DecisionInputs,
  type DecisionOffer,
  type Degradation,
  type DraftDecision,
  type Profile,
  type StateSnapshot,
} from '@omnikernel/sdk';
import { fingerprint } from '../fingerprint.ts';
import type { RuntimePlugin } from '../registry/runtime-plugin.ts';
import { SpanAttributes, SpanNames, withSpan } from '../tracing.ts';
import { arbitrate } from './arbitrate.ts';
import { contactPolicyBlock, type ContactPolicyDefaults } from './contact-policy.ts';
import { offerIneligibility } from './eligibility.ts';
import type { PluginRun } from './run-plugin.ts';
import { runStage } from './run-stage.ts';

/** What a decision is computed from. Everything else is fixed at start. */
export interface DecideRequest {
  readonly decisionId: string;
  readonly profile: Profile;
  readonly catalog: CatalogView;
  readonly contactHistory: readonly ContactRecord[];
  readonly context: DecisionContext;
  /** The decision time (ms). Plugins see it through a frozen clock. */
  readonly at: number;
  /** Snapshot versions to read (replay); default: each plugin's current one. */
  readonly snapshotVersions?: Readonly<Record<string, string>>;
}

export interface PipelineSettings {
  readonly waves: readonly (readonly RuntimePlugin[])[];
  readonly maxRecommendations: number;
  readonly maxOffers: number;
  readonly decisionTtlMs: number;
  readonly contactPolicy?: ContactPolicyDefaults;
}

/** Runs the whole pipeline: propose, arbitrate, compose. A pure function of the request and the loaded plugins. */
export async function computeDecision(request: DecideRequest, settings: PipelineSettings): Promise<Decision> {
  return withSpan(SpanNames.decide, { [SpanAttributes.decisionId]: request.decisionId, [SpanAttributes.customerId]: request.profile.customerId }, async () => {
    const { profile, catalog, at } = request;
    const plugins = settings.waves.flat();
    const snapshots = new Map<string, StateSnapshot<unknown>>();
    const missingSnapshots: Degradation[] = [];
    for (const p of plugins) {
      if (!p.snapshots) continue;
      const wanted = request.snapshotVersions?.[p.name];
      const snap = wanted ? p.snapshots.byVersion(wanted) : p.snapshots.current();
      if (snap) snapshots.set(p.name, snap);
      else if (wanted) missingSnapshots.push({ plugin: p.name, code: 'OMK_ERR_SNAPSHOT_GONE', message: `snapshot ${wanted} is no longer retained; replay used none` });
    }
    const { channel: _channel, ...contextForSeed } = request.context;
    const base = {
      customerId: profile.customerId,
      profileVersion: profile.version,
      catalogVersion: catalog.version,
      plugins: plugins.map((p) => p.identity),
      snapshots: Object.fromEntries([...snapshots].map(([name, s]) => [name, s.version])),
      at: new Date(at).toISOString(),
      context: contextForSeed,
      contacts: request.contactHistory.length,
    };
    // The channel is recorded but kept out of the seed: one decision serves every channel.
    const seed = fingerprint(base);
    const inputs: DecisionInputs = { ...base, channel: request.context.channel, seed, fingerprint: seed };
    const clock = createFrozenClock(at);
    const shared = { profile, catalog, context: request.context, clock, maxRecommendations: settings.maxRecommendations };
    const randomFor = (p: RuntimePlugin) => createSeededRandom(`${seed}|${p.name}`);
    const snapshotFor = (p: RuntimePlugin) => snapshots.get(p.name);

    const proposeWaves = settings.waves.filter((w) => w[0]?.stage === 'propose');
    const composeWaves = settings.waves.filter((w) => w[0]?.stage === 'compose');
    const proposed = await runStage(proposeWaves, shared, randomFor, { decisionId: request.decisionId, snapshotFor });
    const arbitrated = await withSpan(SpanNames.arbitrate, { [SpanAttributes.decisionId]: request.decisionId }, async () =>
      arbitrate({
        runs: proposed,
        profile,
        catalog,
        contactHistory: request.contactHistory,
        now: at,
        maxRecommendations: settings.maxRecommendations,
        maxOffers: settings.maxOffers,
        ...(settings.contactPolicy ? { contactPolicy: settings.contactPolicy } : {}),
      }),
    );
    const offers = arbitrated.offers.length > 0 ? arbitrated.offers : defaultOffers(request, settings);
    const expiry = Math.min(arbitrated.validUntil ?? Number.POSITIVE_INFINITY, at + settings.decisionTtlMs);
    const degraded = [...missingSnapshots, ...proposed.flatMap((r) => (r.ok ? [] : [r.degradation]))];
    const draft: DraftDecision = {
      decisionId: request.decisionId,
      customerId: profile.customerId,
      issuedAt: new Date(at).toISOString(),
      validUntil: new Date(expiry).toISOString(),
      offers,
      nextBestOffer: offers[0] ?? null,
      recommendations: arbitrated.recommendations,
      degraded,
      insights: mergeInsights(proposed),
    };
    const composed = await runStage(composeWaves, { ...shared, decision: draft }, randomFor, { decisionId: request.decisionId, snapshotFor });
    const all = [...proposed, ...composed];
    return {
      ...draft,
      content: composed.flatMap((r) => (r.ok ? [...(r.contribution.content ?? [])] : [])),
      degraded: [...degraded, ...composed.flatMap((r) => (r.ok ? [] : [r.degradation]))],
      insights: mergeInsights(all),
      explanation: {
        inputs,
        contributions: Object.fromEntries(all.filter((r): r is Extract<PluginRun, { ok: true }> => r.ok).map((r) => [r.plugin.name, r.contribution as Contribution])),
        arbitration: arbitrated.entries,
      },
    };
  });
}

/** The catalog's default offer when no plugin proposed an eligible one (unknown callers, outages). */
function defaultOffers(request: DecideRequest, settings: PipelineSettings): DecisionOffer[] {
  for (const offer of request.catalog.offers()) {
    if (!offer.isDefault) continue;
    if (offerIneligibility(offer, request.profile, request.catalog, request.at)) continue;
    if (contactPolicyBlock(offer, request.contactHistory, request.at, settings.contactPolicy)) continue;
    return [
      {
        offerId: offer.id,
        title: offer.title,
        ...(offer.description ? { description: offer.description } : {}),
        value: offer.value,
        ...(offer.currency ? { currency: offer.currency } : {}),
        score: 0,
        source: 'kernel',
        reasons: ['Our offer for every customer'],
        ...(offer.script ? { script: offer.script.replace(/\{(firstName|product|reason)\}/g, (_, k) => (k === 'firstName' ? 'there' : '')) } : {}),
        ...(offer.imageUrl ? { imageUrl: offer.imageUrl } : {}),
        ...(offer.url ? { url: offer.url } : {}),
      },
    ];
  }
  return [];
}

function mergeInsights(runs: readonly PluginRun[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const r of runs) if (r.ok) Object.assign(out, r.contribution.insights);
  return out;
}
