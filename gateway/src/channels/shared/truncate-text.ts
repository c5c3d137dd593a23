/**
 * Shortens text to at most `max` characters, ending at a sentence or a word when one is near, with
 * an ellipsis, so a script read aloud or shown in a narrow panel never stops mid-word.
 *
 * @example
 * truncateText('Hello Ana. Your basket is waiting.', 20); // 'Hello Ana. Your…'
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text); // code points: never split a surrogate pair
  if (chars.length <= max) return text;
  if (max <= 1) return chars.slice(0, Math.max(0, max)).join('');
  const head = chars.slice(0, max - 1).join('');
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentence >= head.length * 0.6) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length * 0.6 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}
