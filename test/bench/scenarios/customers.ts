import type { Identifiers } from '@omnikernel/sdk';

/** A synthetic customer of the bench: every identifier a channel may know. */
export interface BenchCustomer {
  readonly email: string;
  /** E.164, a valid UK mobile range, so the store's normaliser keeps it. */
  readonly phone: string;
  readonly loyaltyId: string;
  readonly deviceId: string;
  readonly crmId: string;
}

/**
 * `count` customers, deterministic and disjoint from the demo's 1,000 (different domains and
 * ranges), so every run measures the same population. 10,000 is what the issue asks for: ten
 * times the demo, enough that the caches hold a realistic working set, small enough to ingest in
 * a few seconds.
 */
export function benchCustomers(count: number): BenchCustomer[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `bench.customer.${i}@bench.example.com`,
    phone: `+447400${String(100_000 + i).padStart(6, '0')}`,
    loyaltyId: `BL-${1_000_000 + i}`,
    deviceId: `bench-dev-${i.toString(16).padStart(6, '0')}`,
    crmId: `BCRM-${2_000_000 + i}`,
  }));
}

/**
 * The identifier a channel would send for request `n` of customer `c`: the decision scenarios rotate
 * e-mail, phone, loyalty card and device id, so the identity index of each type is on the path.
 */
export function identifierFor(c: BenchCustomer, n: number): Identifiers {
  switch (n % 4) {
    case 0:
      return { email: c.email };
    case 1:
      return { phone: c.phone };
    case 2:
      return { loyaltyId: c.loyaltyId };
    default:
      return { deviceId: c.deviceId };
  }
}
