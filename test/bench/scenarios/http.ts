/** A small JSON client for preparing the gateway (seeding, probing): not used to measure. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
}

export async function send(url: string, apiKey: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
}

/** `send`, failing with the answer's body unless the status is 2xx. */
export async function sendOk(url: string, apiKey: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer> {
  const answer = await send(url, apiKey, method, path, body);
  if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  return answer;
}

/**
 * `sendOk`, retrying 503 answers after a short back-off (0.2 s, growing to 1 s), as a well-behaved
 * back-office client would: the Redis store answers 503 when a command times out, and seeding must
 * not fail on a busy machine because of it. `onRetry` counts them for the report.
 */
export async function sendRetrying(url: string, apiKey: string, method: 'POST' | 'PUT', path: string, body: unknown, onRetry: (answer: Answer) => void, attempts = 20): Promise<Answer & { readonly attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send(url, apiKey, method, path, body);
    if (answer.status !== 503 || attempt === attempts) {
      if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status} (after ${attempt} attempts): ${answer.text.slice(0, 500)}`);
      return { ...answer, attempts: attempt };
    }
    onRetry(answer);
    await new Promise((r) => setTimeout(r, 200 * Math.min(5, attempt)));
  }
}

/** Runs `task` for every item with at most `concurrency` at once (preparation is I/O bound). */
export async function eachLimited<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}
