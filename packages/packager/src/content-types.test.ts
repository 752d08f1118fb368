import { describe, expect, it } from 'vitest';
import {
  buildContentTypes,
  contentTypeFor,
  isMediaType,
  parseContentTypes,
  serializeContentTypes,
} from './content-types.js';
import { OpcError } from './errors.js';

const NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

function messageOf(text: string): string {
  try {
    parseContentTypes(text);
  } catch (error) {
    if (error instanceof OpcError && error.code === 'PQSDK_OPC_BAD_CONTENT_TYPES')
      return error.message;
    throw error;
  }
  throw new Error('expected the content types to be refused');
}

describe('buildContentTypes and serializeContentTypes', () => {
  it('uses a Default per extension and an Override where a part differs', () => {
    const types = buildContentTypes([
      { name: '/A.pq', contentType: 'text/plain' },
      { name: '/B.PQ', contentType: 'text/plain' },
      { name: '/odd.pq', contentType: 'application/x-odd' },
      { name: '/icon.png', contentType: 'image/png' },
      { name: '/LICENSE', contentType: 'text/plain' },
      {
        name: '/_rels/.rels',
        contentType: 'application/vnd.openxmlformats-package.relationships+xml',
      },
    ]);
    expect(serializeContentTypes(types)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="png" ContentType="image/png"/>
        <Default Extension="pq" ContentType="text/plain"/>
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Override PartName="/LICENSE" ContentType="text/plain"/>
        <Override PartName="/odd.pq" ContentType="application/x-odd"/>
      </Types>
      "
    `);
    expect(parseContentTypes(serializeContentTypes(types))).toEqual(types);
  });

  it('gives each part its type back', () => {
    const types = buildContentTypes([
      { name: '/a.pq', contentType: 'text/plain' },
      { name: '/b.pq', contentType: 'text/plain' },
      { name: '/odd.pq', contentType: 'application/x-odd' },
    ]);
    expect(contentTypeFor(types, '/A.PQ')).toBe('text/plain');
    expect(contentTypeFor(types, '/ODD.pq')).toBe('application/x-odd');
    expect(contentTypeFor(types, '/c.png')).toBeUndefined();
    expect(contentTypeFor(types, '/noextension')).toBeUndefined();
  });

  it('escapes attribute values', () => {
    const text = serializeContentTypes({
      defaults: [],
      overrides: [{ partName: "/a&b'.x", contentType: 'text/plain;charset="utf-8"' }],
    });
    expect(text).toContain(
      'PartName="/a&amp;b\'.x" ContentType="text/plain;charset=&quot;utf-8&quot;"',
    );
    expect(parseContentTypes(text).overrides).toEqual([
      { partName: "/a&b'.x", contentType: 'text/plain;charset="utf-8"' },
    ]);
  });
});

describe('parseContentTypes', () => {
  it('reads Defaults and Overrides in file order', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="${NS}"><Override PartName="/x" ContentType="a/b"/><Default Extension="PNG" ContentType="image/png"/></Types>`;
    expect(parseContentTypes(text)).toEqual({
      defaults: [{ extension: 'PNG', contentType: 'image/png' }],
      overrides: [{ partName: '/x', contentType: 'a/b' }],
    });
  });

  /** Where `marker` starts in `text`, as `line:column`. */
  function at(text: string, marker: string): string {
    const before = text.slice(0, text.indexOf(marker)).split('\n');
    return `${String(before.length)}:${String((before.at(-1)?.length ?? 0) + 1)}`;
  }

  it.each([
    ['not XML', '<Types', '<Types', 'not well-formed XML: unexpected end of input'],
    [
      'the wrong root',
      `<Type xmlns="${NS}"/>`,
      '<Type',
      `the root element must be <Types xmlns="${NS}">`,
    ],
    ['no namespace', '<Types/>', '<Types', `the root element must be <Types xmlns="${NS}">`],
    [
      'an unknown element',
      `<Types xmlns="${NS}">\n  <Default Extension="png" ContentType="image/png"/>\n  <Extra/>\n</Types>`,
      '<Extra',
      'unexpected element <Extra>',
    ],
    ['text', `<Types xmlns="${NS}">hello</Types>`, 'hello', '<Types> cannot hold text'],
    [
      'a Default twice',
      `<Types xmlns="${NS}"><Default Extension="png" ContentType="image/png"/><Default Extension="PNG" ContentType="image/x"/></Types>`,
      '<Default Extension="PNG"',
      'extension "PNG" has two <Default> elements',
    ],
    [
      'a Default without an extension',
      `<Types xmlns="${NS}"><Default ContentType="image/png"/></Types>`,
      '<Default',
      '<Default> needs an Extension without dots or slashes, such as "png"',
    ],
    [
      'a dotted extension',
      `<Types xmlns="${NS}"><Default Extension=".png" ContentType="image/png"/></Types>`,
      '<Default',
      '<Default> needs an Extension without dots or slashes, such as "png"',
    ],
    [
      'a bad content type',
      `<Types xmlns="${NS}"><Default Extension="png" ContentType="image png"/></Types>`,
      '<Default',
      '<Default> needs a ContentType that is a media type such as "image/png"',
    ],
    [
      'a missing content type',
      `<Types xmlns="${NS}"><Override PartName="/a"/></Types>`,
      '<Override',
      '<Override> needs a ContentType that is a media type such as "image/png"',
    ],
    [
      'a bad part name',
      `<Types xmlns="${NS}"><Override PartName="a.pq" ContentType="a/b"/></Types>`,
      '<Override',
      '<Override> has a bad PartName: a part name must start with "/"',
    ],
    [
      'an Override twice',
      `<Types xmlns="${NS}"><Override PartName="/a" ContentType="a/b"/><Override PartName="/A" ContentType="a/c"/></Types>`,
      '<Override PartName="/A"',
      'part /A has two <Override> elements',
    ],
    [
      'a DOCTYPE',
      `<!DOCTYPE Types><Types xmlns="${NS}"/>`,
      '<!DOCTYPE',
      'a DOCTYPE declaration is not allowed',
    ],
  ])('refuses %s', (_label, text, marker, message) => {
    expect(messageOf(text)).toBe(`[Content_Types].xml:${at(text, marker)}: ${message}`);
  });
});

describe('isMediaType', () => {
  it.each([
    ['text/plain', true],
    ['application/vnd.openxmlformats-package.relationships+xml', true],
    ['text/plain;charset=utf-8', true],
    ['text/plain; charset=utf-8', false],
    ['text', false],
    ['text/', false],
    ['a b/c', false],
  ])('%j → %s', (value, expected) => {
    expect(isMediaType(value)).toBe(expected);
  });
});
