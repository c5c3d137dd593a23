import {
  createFrozenClock,
  createSeededRandom,
  type CatalogView,
  type ContentBlock,
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
import type { RuntimePlugin } from '../registry/runtime-plugin.ts';
import { recordFailure, SpanAttributes, SpanNames, startSpan, withSpan } from '../tracing.ts';
import { arbitrate, type Arbitrated } from './arbitrate.ts';
import { decisionSeed, type SeedInputs } from './decision-seed.ts';
import { contactPolicyBlock, type ContactPolicyDefaults } from './contact-policy.ts';
import { offerIneligibility } from './eligibility.ts';
import type { PluginRun, SharedInput } from './run-plugin.ts';
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

/** Settings with what every decision derives from them worked out once (at start). */
export interface PreparedPipeline extends PipelineSettings {
  readonly plugins: readonly RuntimePlugin[];
  readonly proposeWaves: readonly (readonly RuntimePlugin[])[];
  readonly composeWaves: readonly (readonly RuntimePlugin[])[];
  readonly identities: readonly string[];
}

export function preparePipeline(settings: PipelineSettings): PreparedPipeline {
  const plugins = settings.waves.flat();
  return {
    ...settings,
    plugins,
    proposeWaves: settings.waves.filter((w) => w[0]?.stage === 'propose'),
    composeWaves: settings.waves.filter((w) => w[0]?.stage === 'compose'),
    identities: plugins.map((p) => p.identity),
  };
}

type OkRun = Extract<PluginRun, { ok: true }>;

/** Runs the whole pipeline: propose, arbitrate, compose. A pure function of the request and the loaded plugins. */
export function computeDecision(request: DecideRequest, settings: PreparedPipeline): Promise<Decision> {
  return withSpan(SpanNames.decide, { [SpanAttributes.decisionId]: request.decisionId, [SpanAttributes.customerId]: request.profile.customerId }, () => pipeline(request, settings));
}

async function pipeline(request: DecideRequest, settings: PreparedPipeline): Promise<Decision> {
  const { profile, catalog, at } = request;
  const snapshots = new Map<string, StateSnapshot<unknown>>();
  const snapshotVersions: Record<string, string> = {};
  const missingSnapshots: Degradation[] = [];
  for (const p of settings.plugins) {
    if (!p.snapshots) continue;
    const wanted = request.snapshotVersions?.[p.name];
    const snap = wanted ? p.snapshots.byVersion(wanted) : p.snapshots.current();
    if (snap) {
      snapshots.set(p.name, snap);
      snapshotVersions[p.name] = snap.version;
    } else if (wanted) missingSnapshots.push({ plugin: p.name, code: 'OMK_ERR_SNAPSHOT_GONE', message: `snapshot ${wanted} is no longer retained; replay used none` });
  }
  const { channel, ...contextForSeed } = request.context;
  const issuedAt = new Date(at).toISOString();
  const base: SeedInputs = {
    customerId: profile.customerId,
    profileVersion: profile.version,
    catalogVersion: catalog.version,
    plugins: settings.identities.slice(),
    snapshots: snapshotVersions,
    at: issuedAt,
    context: contextForSeed,
    contacts: request.contactHistory.length,
  };
  // The channel is recorded but kept out of the seed: one decision serves every channel.
  const seed = decisionSeed(base);
  const inputs: DecisionInputs = { ...base, channel, seed, fingerprint: seed };
  const clock = createFrozenClock(at);
  const randomFor = (p: RuntimePlugin) => createSeededRandom(`${seed}|${p.name}`);
  const snapshotFor = (p: RuntimePlugin) => snapshots.get(p.name);
  const shared: SharedInput = { profile, catalog, context: request.context, clock, maxRecommendations: settings.maxRecommendations };

  const proposed = await runStage(settings.proposeWaves, shared, randomFor, { decisionId: request.decisionId, snapshotFor });
  const span = startSpan(SpanNames.arbitrate, { [SpanAttributes.decisionId]: request.decisionId });
  let arbitrated: Arbitrated;
  try {
    arbitrated = arbitrate({
      runs: proposed,
      profile,
      catalog,
      contactHistory: request.contactHistory,
      now: at,
      maxRecommendations: settings.maxRecommendations,
      maxOffers: settings.maxOffers,
      ...(settings.contactPolicy ? { contactPolicy: settings.contactPolicy } : {}),
    });
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
  const offers = arbitrated.offers.length > 0 ? arbitrated.offers : defaultOffers(request, settings);
  const expiry = Math.min(arbitrated.validUntil ?? Number.POSITIVE_INFINITY, at + settings.decisionTtlMs);
  const degraded: Degradation[] = [...missingSnapshots];
  for (const r of proposed) if (!r.ok) degraded.push(r.degradation);
  const draft: DraftDecision = {
    decisionId: request.decisionId,
    customerId: profile.customerId,
    issuedAt,
    validUntil: new Date(expiry).toISOString(),
    offers,
    nextBestOffer: offers[0] ?? null,
    recommendations: arbitrated.recommendations,
    degraded,
    insights: mergeInsights(proposed, []),
  };
  const composed = settings.composeWaves.length > 0 ? await runStage(settings.composeWaves, { ...shared, decision: draft }, randomFor, { decisionId: request.decisionId, snapshotFor }) : [];
  const content: ContentBlock[] = [];
  const allDegraded: Degradation[] = [...degraded];
  for (const r of composed) {
    if (r.ok) for (const block of r.contribution.content ?? []) content.push(block);
    else allDegraded.push(r.degradation);
  }
  const contributions: Record<string, Contribution> = {};
  for (const r of proposed) if (r.ok) contributions[r.plugin.name] = (r as OkRun).contribution;
  for (const r of composed) if (r.ok) contributions[r.plugin.name] = (r as OkRun).contribution;
  // The key order is the stored and served JSON's: the draft's keys, then content, then the explanation.
  return {
    decisionId: draft.decisionId,
    customerId: draft.customerId,
    issuedAt: draft.issuedAt,
    validUntil: draft.validUntil,
    offers: draft.offers,
    nextBestOffer: draft.nextBestOffer,
    recommendations: draft.recommendations,
    degraded: allDegraded,
    insights: mergeInsights(proposed, composed),
    content,
    explanation: { inputs, contributions, arbitration: arbitrated.entries },
  };
}

/** The catalog's default offer when no plugin proposed an eligible one (unknown callers, outages). */
function defaultOffers(request: DecideRequest, settings: PreparedPipeline): DecisionOffer[] {
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

function mergeInsights(proposed: readonly PluginRun[], composed: readonly PluginRun[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const r of proposed) if (r.ok) Object.assign(out, r.contribution.insights);
  for (const r of composed) if (r.ok) Object.assign(out, r.contribution.insights);
  return out;
}
