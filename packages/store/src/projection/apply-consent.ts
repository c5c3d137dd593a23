import type { Draft, Step } from './draft.ts';
import { compareTime } from './time.ts';

/** A consent change: `{ consent: { marketing: true } }` or `{ purpose, granted }`. Always material. */
export const applyConsentUpdated: Step = (d, { event: e, at }) => {
  setConsent(d, grantsOf(e.properties), at);
  return true;
};

/**
 * Traits from `identify` (the newest event's values win; an older one only fills gaps), and an
 * optional `consent` map. Material when consent changes (segments are compared by the caller).
 */
export const applyIdentify: Step = (d, { event: e, at, prior }) => {
  // A copy: the profile is frozen once stored, and the caller's event must stay its own.
  const traits = isRecord(e.properties.traits) ? structuredClone(e.properties.traits) : undefined;
  if (traits !== undefined) {
    const newest = prior.eventCount === 0 || compareTime(at, prior.lastSeen) >= 0;
    d.traits = newest ? { ...d.traits, ...traits } : { ...traits, ...d.traits };
  }
  const consent = e.properties.consent;
  return isRecord(consent) ? setConsent(d, booleans(consent), at) : false;
};

/**
 * Applies grants per purpose unless a newer decision on that purpose is already known, so a late,
 * older event never flips consent back. Returns whether any value changed.
 */
function setConsent(d: Draft, grants: Record<string, boolean>, at: string): boolean {
  const consent = { ...d.consent };
  const updatedAt = { ...d.consentUpdatedAt };
  let changed = false;
  for (const [purpose, granted] of Object.entries(grants)) {
    const known = updatedAt[purpose];
    if (known !== undefined && compareTime(known, at) > 0) continue;
    if (consent[purpose] !== granted) changed = true;
    consent[purpose] = granted;
    updatedAt[purpose] = at;
  }
  d.consent = consent;
  d.consentUpdatedAt = updatedAt;
  return changed;
}

function grantsOf(props: Readonly<Record<string, unknown>>): Record<string, boolean> {
  if (isRecord(props.consent)) return booleans(props.consent);
  const { purpose, granted } = props;
  return typeof purpose === 'string' && typeof granted === 'boolean' ? { [purpose]: granted } : {};
}

function booleans(record: Record<string, unknown>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(record)) if (typeof v === 'boolean') out[k] = v;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
