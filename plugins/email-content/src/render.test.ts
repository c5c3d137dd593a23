import { describe, expect, it } from 'vitest';
import { escapeHtml, render } from './render.ts';

describe('render', () => {
  it('escapes every value in HTML, and inserts {{{fragments}}} as they are', () => {
    const html = render('<p title="{{name}}">{{name}}</p>{{{tag}}}', { name: `<script>alert("x")</script> & 'co'`, tag: '<br>' }, 'html');
    expect(html).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p><br>');
  });

  it('leaves text unescaped in text mode and empties unknown placeholders', () => {
    expect(render('{{name}} costs {{ price }}{{missing}}', { name: 'Fig & Cedar', price: '€15.00' }, 'text')).toBe('Fig & Cedar costs €15.00');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
