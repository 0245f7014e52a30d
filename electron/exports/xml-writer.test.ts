import { describe, expect, it } from 'vitest';
import { ele, escapeAttr, escapeText, txt } from './xml-writer';

describe('xml-writer', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeText('A & B <c> "d"')).toBe('A &amp; B &lt;c&gt; "d"');
    expect(escapeAttr('x"&<')).toBe('x&quot;&amp;&lt;');
    expect(txt('Nm', 'Ek & Lind', { Ccy: 'S"K' })).toBe('<Nm Ccy="S&quot;K">Ek &amp; Lind</Nm>');
  });

  it('nests children and closes an empty element itself', () => {
    expect(ele('Id', ele('Othr', txt('Id', '1')), '')).toBe('<Id><Othr><Id>1</Id></Othr></Id>');
    expect(ele('Empty', '')).toBe('<Empty/>');
  });
});
