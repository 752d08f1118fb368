import { describe, expect, it } from 'vitest';
import { relationshipTransform } from './relationship-transform.js';

const NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const RELS = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand -->
<Relationships xmlns="${NS}" xmlns:x="urn:extra">
  <Relationship Target="b.png" Id="rId3" Type="urn:image" x:note="kept out"/>
  <Relationship Id="rId10" Type="urn:doc" Target="https://example.com/?a=1&amp;b=2" TargetMode="External"></Relationship>
  <Relationship Id="rId1" Type="urn:doc" Target="/a.pq">ignored text</Relationship>
  <Relationship Id="R2" Type="urn:image" Target="c.png" TargetMode="Internal"/>
  <Other Id="rId4" Type="urn:doc" Target="x"/>
</Relationships>
`;

describe('relationshipTransform', () => {
  it('keeps the selected relationships, sorted by Id, with TargetMode made explicit, canonical', () => {
    expect(
      relationshipTransform(RELS, [
        { kind: 'id', value: 'rId3' },
        { kind: 'id', value: 'rId1' },
        { kind: 'id', value: 'rId10' },
        { kind: 'id', value: 'rId4' },
      ]),
    ).toBe(
      `<Relationships xmlns="${NS}">` +
        '<Relationship Id="rId1" Target="/a.pq" TargetMode="Internal" Type="urn:doc"></Relationship>' +
        '<Relationship Id="rId10" Target="https://example.com/?a=1&amp;b=2" TargetMode="External" Type="urn:doc"></Relationship>' +
        '<Relationship Id="rId3" Target="b.png" TargetMode="Internal" Type="urn:image"></Relationship>' +
        '</Relationships>',
    );
  });

  it('selects by type too, and sorts by code unit (upper case first)', () => {
    expect(
      relationshipTransform(new TextEncoder().encode(RELS), [{ kind: 'type', value: 'urn:image' }]),
    ).toBe(
      `<Relationships xmlns="${NS}">` +
        '<Relationship Id="R2" Target="c.png" TargetMode="Internal" Type="urn:image"></Relationship>' +
        '<Relationship Id="rId3" Target="b.png" TargetMode="Internal" Type="urn:image"></Relationship>' +
        '</Relationships>',
    );
  });

  it('gives the same output whatever the white space, attribute order and encoding of the part', () => {
    const compact = `<Relationships xmlns="${NS}"><Relationship Type="urn:doc" Id="rId1" Target="/a.pq"/></Relationships>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(compact, 'utf16le')]);
    const selectors = [{ kind: 'id', value: 'rId1' }] as const;
    expect(relationshipTransform(utf16, selectors)).toBe(relationshipTransform(RELS, selectors));
  });

  it('gives no relationships for a missing, malformed or foreign part', () => {
    const empty = `<Relationships xmlns="${NS}"></Relationships>`;
    const selectors = [{ kind: 'id', value: 'rId1' }] as const;
    expect(relationshipTransform(undefined, selectors)).toBe(empty);
    expect(relationshipTransform('<Relationships', selectors)).toBe(empty);
    expect(
      relationshipTransform(
        '<Relationships xmlns="urn:other"><Relationship Id="rId1" Type="t" Target="x"/></Relationships>',
        selectors,
      ),
    ).toBe(empty);
    expect(relationshipTransform(new Uint8Array([0xc3, 0x28]), selectors)).toBe(empty);
  });

  it('escapes attribute values as C14N does', () => {
    const rels = `<Relationships xmlns="${NS}"><Relationship Id="a" Type="t" Target="x&lt;&quot;&#9;y"/></Relationships>`;
    expect(relationshipTransform(rels, [{ kind: 'id', value: 'a' }])).toBe(
      `<Relationships xmlns="${NS}"><Relationship Id="a" Target="x&lt;&quot;&#x9;y" TargetMode="Internal" Type="t"></Relationship></Relationships>`,
    );
  });
});
