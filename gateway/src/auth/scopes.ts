/** The scopes an API key may hold; `admin` includes every other. */
export const SCOPES = ['decisions:read', 'events:write', 'outcomes:write', 'profiles:read', 'profiles:delete', 'catalog:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
