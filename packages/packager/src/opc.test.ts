import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  examplePath,
  makeTempDirectory,
  removeTempDirectories,
  text,
} from '../test/fixtures.js';
import { rawZip } from '../test/zip-fixtures.js';
import { compileConnector } from './compile.js';
import { OpcError, type OpcErrorCode } from './errors.js';
import {
  CORE_PROPERTIES_CONTENT_TYPE,
  CORE_PROPERTIES_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  PACKAGE_ROOT,
  SECTION_DOCUMENT_RELATIONSHIP_TYPE,
} from './opc-constants.js';
import { findPart, relationshipsFrom, type OpcPackageInput } from './opc-package.js';
import { readOpcPackage } from './opc-reader.js';
import { writeOpcPackage } from './opc-writer.js';
import { partRoles, signaturePartNames } from './package-parts.js';
import {
  mezFilesFromOpcPackage,
  mezFilesFromPqx,
  opcPackageFromMezFiles,
  pqxFromMez,
} from './pqx.js';
import type { Relationship } from './relationships.js';
import { readZip } from './zip-reader.js';

afterEach(removeTempDirectories);

async function exampleMez(example: string): Promise<Uint8Array> {
  const result = await compileConnector(examplePath(example), { outDir: makeTempDirectory() });
  if (!result.ok) throw new Error(`${example} does not build`);
  return new Uint8Array(readFileSync(result.outputPath));
}

const decode = (data: Uint8Array): string => new TextDecoder().decode(data);

function opcCodeOf(bytes: Uint8Array): OpcErrorCode | 'accepted' {
  try {
    readOpcPackage(bytes);
    return 'accepted';
  } catch (error) {
    if (error instanceof OpcError) return error.code;
    throw error;
  }
}

const CONTENT_TYPES = (body: string): string =>
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${body}</Types>`;
const RELS = (body: string): string =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
const RELS_DEFAULT =
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>';

/** A signed-looking package: the connector, an origin, an XML signature and a certificate. */
function signedInput(connector: OpcPackageInput): OpcPackageInput {
  const signature = '/package/services/digital-signature/xml-signature/a1.psdsxs';
  const certificate = '/package/services/digital-signature/certificate/c1.cer';
  const relationships = new Map<string, readonly Relationship[]>(connector.relationships);
  relationships.set(PACKAGE_ROOT, [
    ...relationshipsFrom(connector),
    {
      id: 'rId2',
      type: DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
      target: 'package/services/digital-signature/origin.psdsor',
      targetMode: 'Internal',
    },
  ]);
  relationships.set(DIGITAL_SIGNATURE_ORIGIN_PART_NAME, [
    {
      id: 'rId1',
      type: DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
      target: 'xml-signature/a1.psdsxs',
      targetMode: 'Internal',
    },
  ]);
  relationships.set(signature, [
    {
      id: 'rId1',
      type: DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
      target: '../certificate/c1.cer',
      targetMode: 'Internal',
    },
  ]);
  return {
    parts: [
      ...connector.parts,
      {
        name: DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
        contentType: DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
        data: new Uint8Array(0),
      },
      {
        name: signature,
        contentType: DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
        data: text('<Signature/>'),
      },
      {
        name: certificate,
        contentType: DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
        data: new Uint8Array([0x30, 0x82]),
      },
    ],
    relationships,
  };
}

describe('.mez → .pqx → .mez', () => {
  it.each(EXAMPLES)('gives back the same files for %s', async (example) => {
    const mez = await exampleMez(example);
    const pqx = await pqxFromMez(mez);
    const expected = readZip(mez).entries.map((entry) => ({ name: entry.name, data: entry.data }));
    expect(mezFilesFromPqx(pqx)).toEqual(expected);
    expect(Buffer.from(await pqxFromMez(mez)).equals(Buffer.from(pqx))).toBe(true);
  });

  it('writes the documented layout', async () => {
    const pqx = await pqxFromMez(await exampleMez('HelloWorld'));
    const items = readZip(pqx).entries;
    expect(items.map((item) => item.name)).toEqual([
      '[Content_Types].xml',
      'HelloWorld.pq',
      'HelloWorld16.png',
      'HelloWorld20.png',
      'HelloWorld24.png',
      'HelloWorld32.png',
      'HelloWorld40.png',
      'HelloWorld48.png',
      'HelloWorld64.png',
      '_rels/.rels',
      'resources.resx',
    ]);
    expect(decode(items[0]!.data)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="png" ContentType="image/png"/>
        <Default Extension="pq" ContentType="text/plain"/>
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="resx" ContentType="application/xml"/>
      </Types>
      "
    `);
    expect(decode(items.find((item) => item.name === '_rels/.rels')!.data)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="urn:pqsdk:relationship:section-document" Target="HelloWorld.pq"/>
      </Relationships>
      "
    `);

    const pkg = readOpcPackage(pqx);
    expect(pkg.parts.map((part) => [part.name, part.contentType])).toContainEqual([
      '/HelloWorld.pq',
      'text/plain',
    ]);
    expect(relationshipsFrom(pkg)).toEqual([
      {
        id: 'rId1',
        type: SECTION_DOCUMENT_RELATIONSHIP_TYPE,
        target: 'HelloWorld.pq',
        targetMode: 'Internal',
      },
    ]);
    expect(pkg.relationshipParts.map((part) => part.name)).toEqual(['/_rels/.rels']);
  });

  it('percent-encodes names that are not part-name characters, and decodes them back', async () => {
    // In part-name order, which is the order the package gives them back in.
    const files = [
      { name: 'LICENSE', data: text('MIT') },
      { name: 'My Connector.pq', data: text('section MyConnector;') },
      { name: 'icône 100%.png', data: text('png') },
    ];
    const pkg = opcPackageFromMezFiles(files);
    expect(pkg.parts.map((part) => [part.name, part.contentType])).toEqual([
      ['/LICENSE', 'application/octet-stream'],
      ['/My%20Connector.pq', 'text/plain'],
      ['/ic%C3%B4ne%20100%25.png', 'image/png'],
    ]);
    const pqx = await writeOpcPackage(pkg);
    expect(readZip(pqx).entries.map((entry) => entry.name)).toContain('ic%C3%B4ne%20100%25.png');
    expect(mezFilesFromPqx(pqx)).toEqual(files);
  });

  it('adds no section relationship unless there is exactly one section document', () => {
    expect(opcPackageFromMezFiles([{ name: 'a.png', data: text('x') }]).relationships.size).toBe(0);
  });
});

describe('signature and metadata parts', () => {
  it('are recognised, and kept out of the connector files', async () => {
    const connector = opcPackageFromMezFiles(readZip(await exampleMez('HelloWorld')).entries);
    const signed = signedInput(connector);
    const core = {
      name: '/docProps/core.xml',
      contentType: CORE_PROPERTIES_CONTENT_TYPE,
      data: text('<coreProperties/>'),
    };
    const pkg = readOpcPackage(
      await writeOpcPackage({ ...signed, parts: [...signed.parts, core] }),
    );
    expect(signaturePartNames(pkg)).toEqual([
      '/package/services/digital-signature/_rels/origin.psdsor.rels',
      '/package/services/digital-signature/certificate/c1.cer',
      '/package/services/digital-signature/origin.psdsor',
      '/package/services/digital-signature/xml-signature/_rels/a1.psdsxs.rels',
      '/package/services/digital-signature/xml-signature/a1.psdsxs',
    ]);
    const roles = partRoles(pkg);
    expect(roles.get('/docProps/core.xml')).toBe('core-properties');
    expect(roles.get('/_rels/.rels')).toBe('relationships');
    expect(roles.get('/HelloWorld.pq')).toBe('connector');
    expect(mezFilesFromOpcPackage(pkg).map((file) => file.name)).toEqual(
      connector.parts.map((part) => part.name.slice(1)),
    );
    expect([...pkg.relationships.keys()].sort()).toEqual([
      '/',
      '/package/services/digital-signature/origin.psdsor',
      '/package/services/digital-signature/xml-signature/a1.psdsxs',
    ]);
  });

  it('are recognised by the origin relationship and by the core-properties relationship', async () => {
    const input: OpcPackageInput = {
      parts: [
        { name: '/Connector.pq', contentType: 'text/plain', data: text('section Connector;') },
        {
          name: '/sig/origin.bin',
          contentType: 'application/octet-stream',
          data: new Uint8Array(0),
        },
        { name: '/meta/props.xml', contentType: 'application/xml', data: text('<x/>') },
      ],
      relationships: new Map([
        [
          PACKAGE_ROOT,
          [
            {
              id: 'o',
              type: DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE.toUpperCase(),
              target: 'sig/origin.bin',
              targetMode: 'Internal' as const,
            },
            {
              id: 'p',
              type: CORE_PROPERTIES_RELATIONSHIP_TYPE,
              target: '/meta/props.xml',
              targetMode: 'Internal' as const,
            },
          ],
        ],
      ]),
    };
    const pkg = readOpcPackage(await writeOpcPackage(input));
    expect(partRoles(pkg).get('/sig/origin.bin')).toBe('signature');
    expect(partRoles(pkg).get('/meta/props.xml')).toBe('core-properties');
    expect(mezFilesFromOpcPackage(pkg).map((file) => file.name)).toEqual(['Connector.pq']);
  });
});

describe('readOpcPackage', () => {
  const ok = (extra: { name: string; data: Uint8Array }[] = [], types = ''): Uint8Array =>
    rawZip([
      {
        name: '[Content_Types].xml',
        data: text(
          CONTENT_TYPES(
            `<Default Extension="pq" ContentType="text/plain"/>${RELS_DEFAULT}${types}`,
          ),
        ),
      },
      { name: 'A.pq', data: text('section A;') },
      ...extra,
    ]);

  it('reads a package written by another tool', () => {
    const bytes = ok([
      { name: '_rels/.rels', data: text(RELS('<Relationship Id="r" Type="t" Target="A.pq"/>')) },
    ]);
    const pkg = readOpcPackage(bytes);
    expect(findPart(pkg, '/a.PQ')?.name).toBe('/A.pq');
    expect(relationshipsFrom(pkg)).toEqual([
      { id: 'r', type: 't', target: 'A.pq', targetMode: 'Internal' },
    ]);
  });

  it.each<[string, Uint8Array, OpcErrorCode]>([
    [
      'no [Content_Types].xml',
      rawZip([{ name: 'A.pq', data: text('section A;') }]),
      'PQSDK_OPC_NO_CONTENT_TYPES',
    ],
    [
      'a malformed [Content_Types].xml',
      rawZip([{ name: '[Content_Types].xml', data: text('<Types>') }]),
      'PQSDK_OPC_BAD_CONTENT_TYPES',
    ],
    [
      '[Content_Types].xml that is not text',
      rawZip([{ name: '[Content_Types].xml', data: new Uint8Array([0xff, 0x00, 0xfe]) }]),
      'PQSDK_OPC_BAD_CONTENT_TYPES',
    ],
    [
      'a part without a content type',
      ok([{ name: 'notes.txt', data: text('x') }]),
      'PQSDK_OPC_MISSING_CONTENT_TYPE',
    ],
    [
      'a part name with a space',
      ok([{ name: 'A B.pq', data: text('x') }]),
      'PQSDK_OPC_BAD_PART_NAME',
    ],
    [
      'a part name with an encoded slash',
      ok([{ name: 'a%2Fb.pq', data: text('x') }]),
      'PQSDK_OPC_BAD_PART_NAME',
    ],
    [
      'equivalent part names',
      ok([
        { name: 'é.pq', data: text('x') },
        { name: '%C3%A9.pq', data: text('x') },
      ]),
      'PQSDK_OPC_DUPLICATE_PART',
    ],
    [
      'a part in a _rels folder',
      ok([{ name: '_rels/notes.pq', data: text('x') }]),
      'PQSDK_OPC_BAD_PART_NAME',
    ],
    [
      'malformed relationships',
      ok([{ name: '_rels/.rels', data: text(RELS('<Relationship Id="r"/>')) }]),
      'PQSDK_OPC_BAD_RELATIONSHIPS',
    ],
    [
      'relationships of a missing part',
      ok([{ name: '_rels/B.pq.rels', data: text(RELS('')) }]),
      'PQSDK_OPC_BAD_RELATIONSHIPS',
    ],
    [
      'relationships of relationships',
      ok([
        { name: '_rels/.rels', data: text(RELS('')) },
        { name: '_rels/_rels/.rels.rels', data: text(RELS('')) },
      ]),
      'PQSDK_OPC_BAD_RELATIONSHIPS',
    ],
    [
      'relationships with another content type',
      ok(
        [{ name: '_rels/.rels', data: text(RELS('')) }],
        '<Override PartName="/_rels/.rels" ContentType="application/xml"/>',
      ),
      'PQSDK_OPC_BAD_RELATIONSHIPS',
    ],
  ])('refuses %s', (_label, bytes, code) => {
    expect(opcCodeOf(bytes)).toBe(code);
  });

  it('reads through the safe zip reader', () => {
    expect(() => readOpcPackage(rawZip([{ name: '../[Content_Types].xml' }]))).toThrow(
      expect.objectContaining({ code: 'PQSDK_ZIP_SLIP' }),
    );
  });
});

describe('writeOpcPackage', () => {
  const part = (
    name: string,
    contentType = 'text/plain',
  ): { name: string; contentType: string; data: Uint8Array } => ({
    name,
    contentType,
    data: text('x'),
  });

  it.each<[string, OpcPackageInput, OpcErrorCode]>([
    [
      'a bad part name',
      { parts: [part('A.pq')], relationships: new Map() },
      'PQSDK_OPC_BAD_PART_NAME',
    ],
    [
      'a part in a _rels folder',
      { parts: [part('/_rels/.rels')], relationships: new Map() },
      'PQSDK_OPC_BAD_PART_NAME',
    ],
    [
      'equivalent part names',
      { parts: [part('/A.pq'), part('/a.PQ')], relationships: new Map() },
      'PQSDK_OPC_DUPLICATE_PART',
    ],
    [
      'a part inside another',
      { parts: [part('/a'), part('/a/b.pq')], relationships: new Map() },
      'PQSDK_OPC_PART_CONFLICT',
    ],
    [
      'a bad content type',
      { parts: [part('/a.pq', 'text')], relationships: new Map() },
      'PQSDK_OPC_BAD_CONTENT_TYPES',
    ],
    [
      'relationships of a missing part',
      {
        parts: [part('/a.pq')],
        relationships: new Map([
          ['/b.pq', [{ id: 'r', type: 't', target: 'a.pq', targetMode: 'Internal' as const }]],
        ]),
      },
      'PQSDK_OPC_BAD_RELATIONSHIPS',
    ],
  ])('refuses %s', async (_label, input, code) => {
    await expect(writeOpcPackage(input)).rejects.toSatisfy(
      (error: unknown) => error instanceof OpcError && error.code === code,
    );
  });
});
