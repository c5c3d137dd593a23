import type { ApiKeySpec } from '../auth/api-keys.ts';

/** Keys the gateway's own tests use: one of each kind a caller would hold. */
export const TEST_KEYS = {
  admin: 'test-admin-key-0123456789abcdef',
  reader: 'test-reader-key-0123456789abcdef',
  writer: 'test-writer-key-0123456789abcdef',
} as const;

export const TEST_KEY_SPECS: ApiKeySpec[] = [
  { key: TEST_KEYS.admin, scopes: ['admin'], name: 'admin' },
  { key: TEST_KEYS.reader, scopes: ['decisions:read'], name: 'reader' },
  { key: TEST_KEYS.writer, scopes: ['events:write', 'outcomes:write'], name: 'writer' },
];

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
export const json = (key: string) => ({ ...bearer(key), 'content-type': 'application/json' });
