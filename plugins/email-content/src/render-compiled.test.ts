import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '@omnikernel/sdk';
import { escapeHtml, render, type TemplateValues } from './render.ts';
import { DEFAULT_GRID, DEFAULT_GRID_ITEM, DEFAULT_HERO, DEFAULT_TEXT } from './templates.ts';

/** The original: one regex replace per render. Every template must still fill the same way. */
function original(template: string, values: TemplateValues, mode: 'html' | 'text'): string {
  return template.replace(/\{\{(\{)?\s*([A-Za-z][\w]*)\s*\}\}(\})?/g, (_m, open: string | undefined, name: string, close: string | undefined) => {
    const value = values[name];
    const text = value === undefined ? '' : String(value);
    return mode === 'text' || (open === '{' && close === '}') ? text : escapeHtml(text);
  });
}

describe('compiled templates', () => {
  it('fill exactly as the regex replace did, for the defaults and 3,000 random templates', () => {
    const r = createSeededRandom('templates');
    const pieces = ['{{name}}', '{{{name}}}', '{{ price }}', '{{{ tag}}', '{{tag}}}', '{{missing}}', '{{1bad}}', '{{a_b2}}', '{{', '}}', '{', '}', '<p>', ' & ', '€', '\n', '$&', '$1', '{{{{name}}}}', 'text'];
    const values: TemplateValues = { name: `<b>"Fig" & 'Cedar'</b>`, price: 18.5, tag: '<br>', a_b2: '$&', missing: undefined };
    const templates = [DEFAULT_HERO, DEFAULT_GRID, DEFAULT_GRID_ITEM, DEFAULT_TEXT];
    for (let n = 0; n < 3_000; n++) templates.push(Array.from({ length: Math.floor(r.next() * 12) }, () => pieces[Math.floor(r.next() * pieces.length)]).join(''));
    for (const template of templates) for (const mode of ['html', 'text'] as const) expect(render(template, values, mode)).toBe(original(template, values, mode));
  });
});

describe('escapeHtml', () => {
  it('gives what a regex replace of the five specials gives, for 5,000 random strings', () => {
    const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    const r = createSeededRandom('escape');
    const pieces = ['&', '<', '>', '"', "'", 'a', 'é', '€', '\u{1F600}', ' ', '&amp;', '\n', ''];
    for (let n = 0; n < 5_000; n++) {
      const value = Array.from({ length: Math.floor(r.next() * 16) }, () => pieces[Math.floor(r.next() * pieces.length)]).join('');
      expect(escapeHtml(value)).toBe(value.replace(/[&<>"']/g, (ch) => entities[ch]!));
    }
  });
});
