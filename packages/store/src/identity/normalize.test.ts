import { describe, expect, it } from 'vitest';
import { customerIdFor, hashIdentifier } from './customer-id.ts';
import { normalizeEmail, normalizeIdentifiers, normalizePhone } from './normalize.ts';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ana.Lopez@Example.COM \n')).toBe('ana.lopez@example.com');
  });
  it.each(['', 'ana', 'ana@', '@example.com', 'ana@example', 'a na@example.com', 'ana@@example.com'])('refuses %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+34 600 123 456', '+34600123456'],
    ['+34-600-123-456', '+34600123456'],
    ['0034 600 123 456', '+34600123456'],
    ['tel:+34600123456', '+34600123456'],
    ['TEL:+34-600-123-456;ext=12', '+34600123456'],
    ['sip:+34600123456@pbx.example.com;user=phone', '+34600123456'],
    ['sips:+34600123456@pbx.example.com', '+34600123456'],
    ['(+44) 7911 123456', '+447911123456'],
    ['07911 123456', '+447911123456'],
  ])('%s → %s (default region GB)', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it('reads national numbers in the configured region', () => {
    expect(normalizePhone('600 123 456', { defaultRegion: 'ES' })).toBe('+34600123456');
    expect(normalizePhone('600 123 456', { defaultRegion: 'GB' })).toBeNull();
  });

  it.each(['anonymous', 'Withheld', 'PRIVATE', 'unknown', 'restricted', '', '   ', '+00000', 'sip:anonymous@anonymous.invalid', 'tel:', '12', 'not a number', '+34 600', 'x'.repeat(100)])(
    'gives no identifier for %j, and never throws',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );
});

describe('normalizeIdentifiers', () => {
  it('keeps the usable identifiers, normalised, and drops the rest', () => {
    expect(
      normalizeIdentifiers({
        email: ' A@B.io ',
        phone: 'withheld',
        deviceId: '  d-1  ',
        loyaltyId: '',
        crmId: 'CRM-7',
        // @ts-expect-error an unknown identifier type is ignored at runtime
        cookie: 'x',
      }),
    ).toEqual({ email: 'a@b.io', deviceId: 'd-1', crmId: 'CRM-7' });
  });

  it('ignores values that are not strings', () => {
    expect(normalizeIdentifiers({ deviceId: 42 as unknown as string })).toEqual({});
  });
});

describe('customerIdFor', () => {
  it('uses the customerId given, else hashes the most stable identifier', () => {
    expect(customerIdFor({ customerId: 'c-9', email: 'a@b.io' })).toBe('c-9');
    const byEmail = customerIdFor({ email: 'a@b.io', deviceId: 'd-1' });
    expect(byEmail).toMatch(/^c_[0-9a-f]{20}$/);
    expect(customerIdFor({ deviceId: 'd-2', email: 'a@b.io' })).toBe(byEmail);
    expect(customerIdFor({ crmId: 'k', email: 'a@b.io' })).not.toBe(byEmail);
    expect(byEmail).toBe(`c_${hashIdentifier('email', 'a@b.io').slice(0, 20)}`);
  });
  it('refuses to invent an id from nothing', () => {
    expect(() => customerIdFor({})).toThrow(TypeError);
  });
});
