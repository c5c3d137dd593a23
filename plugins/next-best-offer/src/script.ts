/** What a script template's placeholders are filled with. */
export interface ScriptValues {
  readonly firstName: string;
  readonly product: string;
  /** Why, addressed to the customer, e.g. "you left a kettle in the cart 2 days ago" (empty: none). */
  readonly reason: string;
}

/**
 * Fills an agent script template: `{firstName}`, `{product}` and `{reason}`. The reason fits
 * where it stands: as its own sentence ("…today. {reason} I can…" → "You left … ago. I can…"),
 * inside one ("Hi Ana, {reason} Show this…" → "Hi Ana, you left … ago. Show this…"), or after
 * "you" ("I can see you {reason}." → "I can see you left … ago."). Unknown placeholders stay, so a
 * template author sees them; an empty value leaves no stray comma or space.
 *
 * @example
 * fillScript('Hi {firstName}, I see you {reason}.', { firstName: 'Ana', product: 'kettle', reason: 'you left a kettle in the cart' });
 * // 'Hi Ana, I see you left a kettle in the cart.'
 */
export function fillScript(template: string, values: ScriptValues): string {
  const filled = template.replace(/\{(firstName|product|reason)\}/g, (_match, key: keyof ScriptValues, offset: number) => {
    if (key !== 'reason') return values[key];
    return fitReason(values.reason, template.slice(0, offset), template.slice(offset + '{reason}'.length));
  });
  return filled
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/([,;:])(?=[,.!?;:])/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^[\s,;:]+/, '')
    .trim()
    .slice(0, 2000);
}

function fitReason(reason: string, before: string, after: string): string {
  if (reason === '') return '';
  let text = /\byou\s*$/i.test(before) ? reason.replace(/^you\s+/i, '') : reason;
  const startsSentence = before.trim() === '' || /[.!?]\s*$/.test(before);
  text = startsSentence ? text[0]!.toUpperCase() + text.slice(1) : text[0]!.toLowerCase() + text.slice(1);
  const endsSentence = /^\s*$/.test(after) || /^\s+[A-Z¿¡]/.test(after);
  return endsSentence && !/[.!?]$/.test(text) ? `${text}.` : text;
}
