const SPECIAL = /[&<>"']/;

/**
 * Escapes a value for HTML text and attribute values. Most values (names, prices, titles) have
 * nothing to escape and are returned as they are; the others are copied between the specials,
 * which is what `replace(/[&<>"']/g, …)` gives without a callback per match.
 */
export function escapeHtml(value: string): string {
  const first = value.search(SPECIAL);
  if (first < 0) return value;
  let out = value.slice(0, first);
  let from = first;
  for (let i = first; i < value.length; i++) {
    let entity: string;
    switch (value.charCodeAt(i)) {
      case 38:
        entity = '&amp;';
        break;
      case 60:
        entity = '&lt;';
        break;
      case 62:
        entity = '&gt;';
        break;
      case 34:
        entity = '&quot;';
        break;
      case 39:
        entity = '&#39;';
        break;
      default:
        continue;
    }
    out += value.slice(from, i) + entity;
    from = i + 1;
  }
  return out + value.slice(from);
}

/** Values a template may name. */
export type TemplateValues = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{\{(\{)?\s*([A-Za-z][\w]*)\s*\}\}(\})?/g;

/** A template cut once at its placeholders: the text between them (one more than there are placeholders), and each placeholder. */
interface CompiledTemplate {
  readonly texts: readonly string[];
  readonly slots: readonly { readonly name: string; readonly fragment: boolean }[];
}

// Templates are a handful of option strings: each is cut once instead of scanned by a regex per render.
const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let found = compiled.get(template);
  if (found === undefined) {
    const texts: string[] = [];
    const slots: { name: string; fragment: boolean }[] = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      texts.push(template.slice(last, match.index));
      slots.push({ name: match[2] as string, fragment: match[1] === '{' && match[3] === '}' });
      last = match.index + match[0].length;
    }
    texts.push(template.slice(last));
    found = { texts, slots };
    if (compiled.size >= 256) compiled.clear();
    compiled.set(template, found);
  }
  return found;
}

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
  const { texts, slots } = compile(template);
  let out = texts[0] as string;
  for (let i = 0; i < slots.length; i++) {
    const { name, fragment } = slots[i]!;
    const value = values[name];
    const text = value === undefined ? '' : String(value);
    out += (mode === 'text' || fragment ? text : escapeHtml(text)) + (texts[i + 1] as string);
  }
  return out;
}
