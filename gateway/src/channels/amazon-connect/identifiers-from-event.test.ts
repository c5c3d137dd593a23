import { describe, expect, it } from 'vitest';
import type { ConnectEvent } from './event-schema.ts';
import { identifiersFromEvent, localeFromEvent } from './identifiers-from-event.ts';

const event = (data: Record<string, unknown> | null, parameters: Record<string, unknown> = {}): ConnectEvent =>
  ({ Name: 'ContactFlowEvent', Details: { ContactData: data, Parameters: parameters } }) as ConnectEvent;

describe('identifiersFromEvent', () => {
  it('takes the caller number from a TELEPHONE_NUMBER endpoint', () => {
    expect(identifiersFromEvent(event({ Channel: 'VOICE', CustomerEndpoint: { Address: '+34600123456', Type: 'TELEPHONE_NUMBER' } }))).toEqual({ phone: '+34600123456' });
  });

  it('takes an e-mail address from an EMAIL contact, and a SIP URI as a phone even though it has an @', () => {
    expect(identifiersFromEvent(event({ Channel: 'EMAIL', CustomerEndpoint: { Address: 'a@b.io', Type: 'EMAIL_ADDRESS' } }))).toEqual({ email: 'a@b.io' });
    expect(identifiersFromEvent(event({ Channel: 'EMAIL', CustomerEndpoint: { Address: 'a@b.io' } }))).toEqual({ email: 'a@b.io' });
    expect(identifiersFromEvent(event({ CustomerEndpoint: { Address: 'sip:+34600123456@pbx', Type: 'VOIP' } }))).toEqual({ phone: 'sip:+34600123456@pbx' });
  });

  it('reads identifier names in any case, and ok_-prefixed ones a previous invocation stored', () => {
    expect(identifiersFromEvent(event({ Attributes: { OK_CUSTOMERID: 'c-1', LoyaltyID: 'L1', other: 'x', crmId: 7 } }))).toEqual({ customerId: 'c-1', loyaltyId: 'L1' });
  });

  it('lets parameters override attributes and the endpoint for the same kind', () => {
    const e = event({ CustomerEndpoint: { Address: '+1', Type: 'TELEPHONE_NUMBER' }, Attributes: { phone: '+2' } }, { phone: '+3' });
    expect(identifiersFromEvent(e)).toEqual({ phone: '+3' });
  });

  it('copes with null contact data and endpoints', () => {
    expect(identifiersFromEvent(event(null))).toEqual({});
    expect(identifiersFromEvent(event({ CustomerEndpoint: null, Attributes: null }))).toEqual({});
  });

  it('reads the locale from parameters, then attributes', () => {
    expect(localeFromEvent(event({ Attributes: { locale: 'fr-FR' } }, { locale: 'es-ES' }))).toBe('es-ES');
    expect(localeFromEvent(event({ Attributes: { locale: 'fr-FR' } }))).toBe('fr-FR');
    expect(localeFromEvent(event(null))).toBeUndefined();
  });
});
