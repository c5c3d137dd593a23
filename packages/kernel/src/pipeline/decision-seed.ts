import { hash } from 'node:crypto';
import type { DecisionInputs } from '@omnikernel/sdk';
import { stableStringify } from '../fingerprint.ts';

/** What a decision's seed is made of: its inputs less the channel and the seed itself. */
export type SeedInputs = Omit<DecisionInputs, 'channel' | 'seed' | 'fingerprint'>;

/**
 * `stableStringify(inputs)` for the one shape it is asked about on every decision, written out:
 * the keys in their sorted order, the plugin identities and snapshot versions as the strings they
 * are, and only the request context (any JSON) through the general routine. Stored decisions are
 * replayed with seeds made by the general routine, so this must give the same text (randomised
 * test); it spares sorting eight keys and recursing into known strings on every decision.
 */
export function seedText(inputs: SeedInputs): string {
  let plugins = '[';
  for (let i = 0; i < inputs.plugins.length; i++) plugins += (i > 0 ? ',' : '') + JSON.stringify(inputs.plugins[i]);
  const names = Object.keys(inputs.snapshots).sort();
  let snapshots = '{';
  let first = true;
  for (const name of names) {
    const version = inputs.snapshots[name];
    if (version === undefined) continue;
    snapshots += `${first ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(version)}`;
    first = false;
  }
  return (
    `{"at":${JSON.stringify(inputs.at)},"catalogVersion":${JSON.stringify(inputs.catalogVersion)},"contacts":${JSON.stringify(inputs.contacts)},` +
    `"context":${stableStringify(inputs.context)},"customerId":${JSON.stringify(inputs.customerId)},"plugins":${plugins}],` +
    `"profileVersion":${JSON.stringify(inputs.profileVersion)},"snapshots":${snapshots}}}`
  );
}

/** The decision's seed: the same value `fingerprint(inputs)` gives. */
export function decisionSeed(inputs: SeedInputs): string {
  return hash('sha256', seedText(inputs), 'base64url').slice(0, 22);
}
