import { describe, expect, it } from 'vitest';
import { escapeHtml, fileHref, jsonForScript } from './html-escape.js';
import { mdCode, mdDetails, mdInline, mdText } from './markdown-escape.js';

describe('markdown escaping', () => {
  it.each([
    ['pipe and newline', mdText('a|b\nc'), 'a\\|b c'],
    ['a lone CR and U+2028 cannot end the row', mdText('a\rb\u2028c'), 'a b c'],
    ['a lone CR in a summary', mdDetails('a\rb', 'body'), '<details>\n<summary>a b</summary>\n\nbody\n\n</details>'],
    ['html', mdText('<img src=x onerror=1>'), '&lt;img src=x onerror=1&gt;'],
    ['emphasis', mdText('snake_case *x*'), 'snake\\_case \\*x\\*'],
    ['code with pipe', mdCode('a|b'), '`a\\|b`'],
    ['code with backtick', mdCode('a`b'), '``a`b``'],
    ['inline keeps code', mdInline('found `x_y`, expected *z*'), 'found `x_y`, expected \\*z\\*'],
    ['details summary', mdDetails('a <b>', 'body'), '<details>\n<summary>a &lt;b&gt;</summary>\n\nbody\n\n</details>'],
  ])('%s', (_n, got, want) => {
    expect(got).toBe(want);
  });
});

describe('html escaping', () => {
  it.each([
    ['text', escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'],
    ['script json', jsonForScript({ s: '</script><b>' }), '{"s":"\\u003c/script\\u003e\\u003cb\\u003e"}'],
    ['href keeps ..', fileHref('../', 'src/a b.ts', 3), '../src/a%20b.ts#L3'],
    ['href defuses a scheme', fileHref('', 'javascript:alert(1)'), 'javascript%3Aalert(1)'],
  ])('%s', (_n, got, want) => {
    expect(got).toBe(want);
  });

  it('keeps the embedded JSON parseable', () => {
    const value = { s: '</script>\u2028&' };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});
