const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. Every value a channel page
 * shows goes through here: names, scripts and reasons come from catalogs and events we do not control.
 *
 * @example
 * escapeHtml('Tea & <b>Biscuits</b>'); // 'Tea &amp; &lt;b&gt;Biscuits&lt;/b&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
