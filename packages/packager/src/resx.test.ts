import { describe, expect, it } from 'vitest';
import { readResx } from './resx.js';

const encode = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('readResx', () => {
  it('reads the data entries, keeping their text as it is', () => {
    const resx = readResx(
      encode(`\ufeff<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <data name="Title" xml:space="preserve"><value>Hello &amp; welcome</value></data>
  <data name="Empty"/>
  <data name="Spaced" xml:space="preserve"><value>  two  spaces  </value><comment>a note</comment></data>
</root>`),
    );
    expect(resx.problems).toEqual([]);
    expect([...resx.entries]).toEqual([
      ['Title', 'Hello & welcome'],
      ['Empty', ''],
      ['Spaced', '  two  spaces  '],
    ]);
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const text = '<root><data name="a"><value>é</value></data></root>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) bytes[2 + index * 2] = text.charCodeAt(index);
    expect(readResx(bytes).entries.get('a')).toBe('é');
  });

  it.each([
    [new Uint8Array([0x3c, 0xff]), { message: 'the file is not valid UTF-8 or UTF-16 text' }],
    [
      encode('<root>\n  <data name="a">\n</root>'),
      {
        message: 'not well-formed XML: Opening and ending tag mismatch: "data" != "root"',
        line: 2,
        column: 18,
      },
    ],
    [
      encode('<resources/>'),
      {
        message: 'the top element must be <root>, as in every .resx file, not <resources>',
        line: 1,
        column: 1,
      },
    ],
  ])('refuses a file it cannot read (%#)', (bytes, problem) => {
    expect(readResx(bytes)).toEqual({ entries: new Map(), problems: [problem], readable: false });
  });
});
