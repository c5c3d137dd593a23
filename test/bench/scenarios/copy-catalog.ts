import { send, sendOk } from './http.ts';

const KINDS = ['stores', 'products', 'offers'] as const;

/**
 * Gives a gateway the catalog another one holds (GET then PUT /v1/catalog/{kind}), so the Redis
 * gateway decides over the same 300 products, 6 stores and 10 offers as the embedded one without
 * writing the demo's 1,000 customer histories into Redis at start: that start takes ~45 s on this
 * class of machine and fails with "Redis call failed: Command timed out" when the gateway shares a
 * busy core, and those customers are not the ones the bench measures.
 */
export async function copyCatalog(from: string, to: string, apiKey: string): Promise<Record<(typeof KINDS)[number], number>> {
  const counts = { stores: 0, products: 0, offers: 0 };
  for (const kind of KINDS) {
    const items = (JSON.parse((await sendOk(from, apiKey, 'GET', `/v1/catalog/${kind}`)).text) as { items: unknown[] }).items;
    for (let i = 0; i < items.length; i += 5_000) {
      const answer = await send(to, apiKey, 'PUT', `/v1/catalog/${kind}`, items.slice(i, i + 5_000));
      if (answer.status !== 200) throw new Error(`copying the catalog: PUT /v1/catalog/${kind} answered ${answer.status}: ${answer.text.slice(0, 400)}`);
    }
    counts[kind] = items.length;
  }
  return counts;
}
