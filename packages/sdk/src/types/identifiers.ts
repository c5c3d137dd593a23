/** The identifier kinds a channel may know a customer by. */
export const IDENTIFIER_TYPES = ['customerId', 'email', 'phone', 'loyaltyId', 'deviceId', 'crmId'] as const;

/** One identifier kind: `email`, `phone`, `deviceId`, … */
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Identifiers as a channel sends them: at least one is needed to resolve a customer. */
export type Identifiers = Partial<Record<IdentifierType, string>>;

/** The built-in channels. Configured custom channels are plain strings. */
export const BUILT_IN_CHANNELS = ['web', 'app', 'store', 'contact_center', 'email'] as const;

/** A channel: a built-in one, or a configured custom one (open union keeps autocomplete). */
export type Channel = (typeof BUILT_IN_CHANNELS)[number] | (string & Record<never, never>);
