import type { BaselineRoute } from '../servers/baseline.ts';
import type { Scenario } from './definitions.ts';
import { send } from './http.ts';
import type { BenchContext } from './subjects.ts';

export type ProbeOutcome =
  | { readonly ok: true; readonly route: BaselineRoute; readonly bytes: number }
  | { readonly ok: false; readonly status: 'n/a (404)' | 'failed'; readonly note: string };

/**
 * Sends a scenario's representative request once. Its answer becomes the baseline's body for that
 * path (the same bytes, so the baseline pays the same transfer cost), and a 404 marks a route that
 * does not exist yet (the channel adapters are written in parallel): that scenario is reported
 * "n/a (404)" instead of failing the bench.
 */
export async function probeScenario(scenario: Scenario, gatewayUrl: string, ctx: BenchContext): Promise<ProbeOutcome> {
  const request = scenario.probe(ctx);
  const answer = await send(gatewayUrl, ctx.apiKey, request.method, request.path, request.body);
  if (answer.status === 404) {
    let detail = answer.text.slice(0, 200);
    try {
      detail = (JSON.parse(answer.text) as { detail?: string }).detail ?? detail;
    } catch {
      // not problem+json
    }
    return { ok: false, status: 'n/a (404)', note: detail };
  }
  if (answer.status < 200 || answer.status >= 300) return { ok: false, status: 'failed', note: `probe answered ${answer.status}: ${answer.text.slice(0, 300)}` };
  const path = request.path.split('?')[0]!;
  return { ok: true, route: { method: request.method, path, contentType: answer.contentType, body: answer.text }, bytes: Buffer.byteLength(answer.text) };
}
