import { utf8 } from '../../http/plain-response.ts';
import type { EmailEnvelope } from './envelope-types.ts';

export type EmailFormat = 'html' | 'json' | 'text';

/** An e-mail envelope with the UTF-8 bytes of each format, encoded at most once each. */
export interface EncodedEmail {
  readonly envelope: EmailEnvelope;
  bytes(format: EmailFormat): Uint8Array<ArrayBuffer>;
}

/**
 * Held with the decision (one per locale and base URL): an ESP fetches the same content several
 * times per recipient, and encoding ~9 KB of HTML with a '€' in it on every fetch was most of the
 * route's own work.
 */
export function encodedEmail(envelope: EmailEnvelope): EncodedEmail {
  const made: Partial<Record<EmailFormat, Uint8Array<ArrayBuffer>>> = {};
  return {
    envelope,
    bytes: (format) => (made[format] ??= utf8(format === 'html' ? envelope.html : format === 'text' ? envelope.text : JSON.stringify(envelope))),
  };
}
