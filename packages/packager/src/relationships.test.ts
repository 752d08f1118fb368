import { describe, expect, it } from 'vitest';
import { OpcError } from './errors.js';
import {
  nextRelationshipId,
  parseRelationships,
  relationshipsOfType,
  serializeRelationships,
  type Relationship,
} from './relationships.js';

const NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof OpcError && error.code === 'PQSDK_OPC_BAD_RELATIONSHIPS')
      return error.message;
    throw error;
  }
  throw new Error('expected the relationships to be refused');
}

const SAMPLE: Relationship[] = [
  {
    id: 'rId1',
    type: 'urn:pqsdk:relationship:section-document',
    target: 'HelloWorld.pq',
    targetMode: 'Internal',
  },
  {
    id: 'rId2',
    type: 'http://example.com/help',
    target: 'https://example.com/a?b=1&c=2',
    targetMode: 'External',
  },
];

describe('serializeRelationships and parseRelationships', () => {
  it('write one element per relationship, and read them back', () => {
    const text = serializeRelationships(SAMPLE, '/_rels/.rels');
    expect(text).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="urn:pqsdk:relationship:section-document" Target="HelloWorld.pq"/>
        <Relationship Id="rId2" Type="http://example.com/help" Target="https://example.com/a?b=1&amp;c=2" TargetMode="External"/>
      </Relationships>
      "
    `);
    expect(parseRelationships(text, '/_rels/.rels')).toEqual(SAMPLE);
  });

  it('read a part with no relationships', () => {
    expect(parseRelationships(`<Relationships xmlns="${NS}"/>`, '/_rels/.rels')).toEqual([]);
  });

  /** Where `marker` starts in `text`, as `line:column`. */
  function at(text: string, marker: string): string {
    const before = text.slice(0, text.indexOf(marker)).split('\n');
    return `${String(before.length)}:${String((before.at(-1)?.length ?? 0) + 1)}`;
  }

  const wrap = (inner: string): string => `<Relationships xmlns="${NS}">${inner}</Relationships>`;

  it('refuse text that is not XML', () => {
    expect(messageOf(() => parseRelationships('nope', '/_rels/.rels'))).toBe(
      '/_rels/.rels: not well-formed XML: missing root element',
    );
  });

  it.each([
    [
      'the wrong namespace',
      '<Relationships xmlns="urn:x"/>',
      '<Relationships',
      `the root element must be <Relationships xmlns="${NS}">`,
    ],
    [
      'an unknown element',
      wrap('<Rel Id="a" Type="t" Target="x"/>'),
      '<Rel ',
      'unexpected element <Rel>',
    ],
    [
      'a missing Target',
      wrap('<Relationship Id="a" Type="t"/>'),
      '<Relationship ',
      '<Relationship> needs Id, Type and Target attributes',
    ],
    [
      'a bad Id',
      wrap('<Relationship Id="1a" Type="t" Target="x"/>'),
      '<Relationship ',
      'Id "1a" is not an XML name (such as "rId1")',
    ],
    [
      'an Id twice',
      wrap('<Relationship Id="a" Type="t" Target="x"/><Relationship Id="a" Type="t" Target="y"/>'),
      '<Relationship Id="a" Type="t" Target="y"',
      'Id "a" is used twice',
    ],
    [
      'a bad TargetMode',
      wrap('<Relationship Id="a" Type="t" Target="x" TargetMode="internal"/>'),
      '<Relationship ',
      'TargetMode must be "Internal" or "External", not "internal"',
    ],
    [
      'an internal absolute URI',
      wrap('<Relationship Id="a" Type="t" Target="https://x.example/"/>'),
      '<Relationship ',
      'relationship a is Internal but its Target "https://x.example/" is an absolute URI; give a part path, or TargetMode="External"',
    ],
    [
      'a Type with spaces',
      wrap('<Relationship Id="a" Type="a b" Target="x"/>'),
      '<Relationship ',
      'relationship a has a bad Type "a b"',
    ],
  ])('refuse %s', (_label, text, marker, message) => {
    expect(messageOf(() => parseRelationships(text, '/_rels/.rels'))).toBe(
      `/_rels/.rels:${at(text, marker)}: ${message}`,
    );
  });

  it('refuse to write what they would refuse to read', () => {
    const twice = [SAMPLE[0]!, { ...SAMPLE[1]!, id: 'rId1' }];
    expect(messageOf(() => serializeRelationships(twice, '/_rels/.rels'))).toBe(
      '/_rels/.rels: Id "rId1" is used twice',
    );
  });
});

describe('nextRelationshipId and relationshipsOfType', () => {
  it('finds the first free rId', () => {
    expect(nextRelationshipId([])).toBe('rId1');
    expect(nextRelationshipId(SAMPLE)).toBe('rId3');
    expect(nextRelationshipId([{ ...SAMPLE[0]!, id: 'rId2' }])).toBe('rId1');
  });

  it('compares types case-insensitively', () => {
    expect(relationshipsOfType(SAMPLE, 'HTTP://EXAMPLE.COM/HELP')).toEqual([SAMPLE[1]]);
  });
});
