import type { ChannelDecision } from '@omnikernel/kernel';
import { utf8 } from '../http/plain-response.ts';
import { publicDecision } from './public-decision.ts';

const CLOSE = 0x7d; // '}'

/**
 * The web, app and store answer, `{"channel":…,"decision":…}` with the explanation's `href`: the
 * UTF-8 bytes of `JSON.stringify({ channel, decision: publicDecision(decision) })`, spliced around
 * the bytes the decision is held as instead of serialising it again. The held JSON ends with the
 * explanation (`"explanation":{"inputs":{…}}}`, see the kernel's `forChannels`): its last two braces
 * close the explanation and the decision, and `href` goes in before them. Held bytes of any other
 * shape are serialised from the decision as before.
 */
export function webEnvelope(channel: string, current: { readonly decisionId: string; readonly json: Buffer; decision(): ChannelDecision }): Uint8Array<ArrayBuffer> {
  const { json } = current;
  const n = json.length;
  if (n < 2 || json[n - 1] !== CLOSE || json[n - 2] !== CLOSE) return utf8(JSON.stringify({ channel, decision: publicDecision(current.decision()) }));
  const head = Buffer.from(`{"channel":${JSON.stringify(channel)},"decision":`, 'utf8');
  const tail = Buffer.from(`,"href":${JSON.stringify(`/v1/decisions/${current.decisionId}`)}}}}`, 'utf8');
  // Every byte is written below: no zero-fill of ~13 KB first.
  const out = Buffer.allocUnsafeSlow(head.length + n - 2 + tail.length) as Uint8Array<ArrayBuffer>;
  out.set(head, 0);
  out.set(json.subarray(0, n - 2), head.length);
  out.set(tail, head.length + n - 2);
  return out;
}
