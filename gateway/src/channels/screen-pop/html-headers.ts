/**
 * Headers of the screen-pop page: it loads nothing and runs nothing (the policy says so), it is
 * personal data (never cached), and its URL may hold a token (never sent as a referrer).
 */
export function htmlHeaders(): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}
