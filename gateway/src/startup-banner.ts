import type { Settings } from './config/settings.ts';

/** What `npm start` prints: where it listens, the demo key, and curls that work as printed. */
export function startupBanner(options: { port: number; settings: Settings; demoKey: string | null; configPath: string | null }): string {
  const url = `http://localhost:${options.port}`;
  const store = options.settings.redisClusterNodes ? `Redis Cluster (${options.settings.redisClusterNodes.join(', ')})` : options.settings.redisUrl ? `Redis (${options.settings.redisUrl.replace(/\/\/[^@]*@/, '//***@')})` : 'in-memory (embedded)';
  const lines = [
    '',
    `omnikernel is listening on ${url}`,
    `  store:   ${store}`,
    `  config:  ${options.configPath ?? '(defaults)'}`,
    `  docs:    ${url}/docs`,
  ];
  if (options.demoKey) {
    const auth = `-H 'Authorization: Bearer ${options.demoKey}'`;
    lines.push(
      `  demo key (admin scope, embedded demo only): ${options.demoKey}`,
      '',
      'Try:',
      `  curl -s ${url}/v1/decisions ${auth} -H 'Content-Type: application/json' \\`,
      `       -d '{"identifiers":{"email":"james.carter@example.com"},"channel":"web"}'`,
      `  curl -s '${url}/v1/channels/contact-center/screen-pop?phone=%2B447911123456&format=flat' ${auth}`,
      `  curl -s ${url}/v1/decisions/simulate ${auth} -H 'Content-Type: application/json' \\`,
      `       -d '{"identifiers":{"email":"lucia.martin@example.com"},"channel":"app","asOf":"2026-11-24T13:30:00+01:00"}'`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
