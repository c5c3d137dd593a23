import type { DecisionView, ScreenPopView } from './view-types.ts';

/**
 * The inside of a decision view's JSON (`"decisionId":…,"offers":[…]`), made once per decision and
 * locale: the offers and recommendations are most of a screen pop, and they only change with the
 * decision.
 */
export function decisionViewMembers(view: DecisionView): string {
  return JSON.stringify(view).slice(1, -1);
}

/**
 * `JSON.stringify(view)` of a screen pop, byte for byte, from the decision part's members made
 * once (`decisionViewMembers`) and the caller's part, which is the request's own.
 */
export function screenPopJson(status: ScreenPopView['status'], decisionMembers: string, caller: Pick<ScreenPopView, 'customer' | 'consent' | 'activity'>): string {
  const members = [`"status":${JSON.stringify(status)}`];
  if (decisionMembers !== '') members.push(decisionMembers);
  for (const key of ['customer', 'consent', 'activity'] as const) {
    const value = caller[key];
    if (value !== undefined) members.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  }
  return `{${members.join(',')}}`;
}
