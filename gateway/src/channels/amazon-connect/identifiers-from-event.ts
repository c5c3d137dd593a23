import { IDENTIFIER_TYPES, type IdentifierType } from '@omnikernel/sdk';
import type { ConnectEvent } from './event-schema.ts';

const BY_LOWER_NAME = new Map<string, IdentifierType>(IDENTIFIER_TYPES.flatMap((t) => [[t.toLowerCase(), t], [`ok_${t.toLowerCase()}`, t]] as const));

/**
 * Raw identifiers of a Connect contact, before normalisation, from three places: the customer
 * endpoint (the caller's number, or the sender's address on an EMAIL contact), contact attributes
 * set earlier in the flow (including an `ok_customerId` kept from a previous invocation), and the
 * block's input parameters. For one kind of identifier the parameters win, then the attributes:
 * they are what the flow designer chose. Across kinds the store decides (customerId first).
 */
export function identifiersFromEvent(event: ConnectEvent): Partial<Record<IdentifierType, string>> {
  const data = event.Details.ContactData;
  const out: Partial<Record<IdentifierType, string>> = {};
  const endpoint = data?.CustomerEndpoint;
  if (endpoint?.Address) out[endpointKind(endpoint.Address, endpoint.Type, data?.Channel)] = endpoint.Address;
  pick(data?.Attributes, out);
  pick(event.Details.Parameters, out);
  return out;
}

function pick(map: Readonly<Record<string, unknown>> | null | undefined, into: Partial<Record<IdentifierType, string>>): void {
  if (!map) return;
  for (const [key, value] of Object.entries(map)) {
    const type = BY_LOWER_NAME.get(key.toLowerCase());
    if (type && typeof value === 'string' && value.trim() !== '') into[type] = value;
  }
}

function endpointKind(address: string, type: string | null | undefined, channel: string | null | undefined): IdentifierType {
  if (type === 'TELEPHONE_NUMBER') return 'phone';
  if (type === 'EMAIL_ADDRESS') return 'email';
  if (/^(tel|sips?):/i.test(address)) return 'phone';
  return channel?.toUpperCase() === 'EMAIL' || address.includes('@') ? 'email' : 'phone';
}

/** The display locale a flow asked for, if any (`Parameters.locale`, else `Attributes.locale`). */
export function localeFromEvent(event: ConnectEvent): string | undefined {
  const fromParams = event.Details.Parameters?.locale;
  const fromAttrs = event.Details.ContactData?.Attributes?.locale;
  return typeof fromParams === 'string' ? fromParams : typeof fromAttrs === 'string' ? fromAttrs : undefined;
}
