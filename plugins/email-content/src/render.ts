const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Values a template may name. */
export type TemplateValues = Readonly<Record<string, string | number | undefined>>;

/**
 * Fills a template. In HTML mode `{{name}}` is HTML-escaped and `{{{name}}}` is inserted as
 * is (for fragments the plugin built from escaped parts, such as `{{{imageTag}}}`); in text mode
 * both are inserted as is. A placeholder without a value becomes empty, so a recipient never
 * sees braces.
 *
 * @example
 * render('<p>{{name}}</p>', { name: 'Fig & Cedar' }, 'html'); // '<p>Fig &amp; Cedar</p>'
 */
export function render(template: string, values: TemplateValues, mode: 'html' | 'text'): string {
  return template.replace(/\{\{(\{)?\s*([A-Za-z][\w]*)\s*\}\}(\})?/g, (_match, open: string | undefined, name: string, close: string | undefined) => {
    const value = values[name];
    const text = value === undefined ? '' : String(value);
    const raw = mode === 'text' || (open === '{' && close === '}');
    return raw ? text : escapeHtml(text);
  });
}
