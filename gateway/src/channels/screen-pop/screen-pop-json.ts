import type { DecisionView, ScreenPopView } from './view-types.ts';

/**
 * The inside of a decision view's JSON (`"decisionId":…,"offers":[…]`) as UTF-8, made once per
 * decision and locale and held with the decision as bytes (off the JS heap): the offers and
 * recommendations are most of a screen pop, and they only change with the decision.
 */
export function decisionViewMembers(view: DecisionView): Buffer {
  return Buffer.from(JSON.stringify(view).slice(1, -1), 'utf8');
}

/**
 * The UTF-8 bytes of `JSON.stringify(view)` of a screen pop, byte for byte, from the decision
 * part's members made once (`decisionViewMembers`) and the caller's part, which is the request's own.
 */
export function screenPopJson(status: ScreenPopView['status'], decisionMembers: Buffer, caller: Pick<ScreenPopView, 'customer' | 'consent' | 'activity'>): Buffer {
  let rest = '';
  for (const key of ['customer', 'consent', 'activity'] as const) {
    const value = caller[key];
    if (value !== undefined) rest += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  const head = `{"status":${JSON.stringify(status)}${decisionMembers.length > 0 ? ',' : ''}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), decisionMembers, Buffer.from(`${rest}}`, 'utf8')]);
}
