import { utf8 } from '../../http/plain-response.ts';
import type { EmailEnvelope } from './envelope-types.ts';

export type EmailFormat = 'html' | 'json' | 'text';

/** E-mail content as answered: whether it is generic, and the UTF-8 bytes of each format. */
export interface EncodedEmail {
  readonly fallback: boolean;
  bytes(format: EmailFormat): Uint8Array<ArrayBuffer>;
}

function encode(envelope: EmailEnvelope, format: EmailFormat): Uint8Array<ArrayBuffer> {
  return utf8(format === 'html' ? envelope.html : format === 'text' ? envelope.text : JSON.stringify(envelope));
}

/** Content answered once (a fallback): the envelope, encoded in the format asked. */
export function encodedEmail(envelope: EmailEnvelope): EncodedEmail {
  return { fallback: envelope.fallback, bytes: (format) => encode(envelope, format) };
}

/**
 * A decision's e-mail content, held with the decision (one per locale and base URL): an ESP fetches
 * the same content several times per recipient, and encoding ~9 KB of HTML with a '€' in it on every
 * fetch was most of the route's own work. Only the bytes of the formats asked for are kept, never
 * the envelope: held for every customer, its blocks and strings were hundreds of MB of JS heap that
 * every garbage collection afterwards walked. A format asked for later renders the envelope again.
 */
export function heldEmail(render: () => EmailEnvelope): EncodedEmail {
  const made: Partial<Record<EmailFormat, Uint8Array<ArrayBuffer>>> = {};
  return { fallback: false, bytes: (format) => (made[format] ??= encode(render(), format)) };
}
