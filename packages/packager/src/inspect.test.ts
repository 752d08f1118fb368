import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { examplePath, makeTempDirectory, removeTempDirectories, text } from '../test/fixtures.js';
import { compileConnector } from './compile.js';
import { inspectConnector } from './inspect.js';
import {
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  PACKAGE_ROOT,
} from './opc-constants.js';
import { relationshipsFrom } from './opc-package.js';
import { writeOpcPackage } from './opc-writer.js';
import { opcPackageFromMezFiles, pqxFromMez } from './pqx.js';
import { readZip } from './zip-reader.js';
import { writeZip } from './zip-writer.js';

afterEach(removeTempDirectories);

async function helloWorldMez(): Promise<Uint8Array> {
  const result = await compileConnector(examplePath('HelloWorld'), { outDir: makeTempDirectory() });
  if (!result.ok) throw new Error('HelloWorld does not build');
  return new Uint8Array(readFileSync(result.outputPath));
}

async function signedPqx(mez: Uint8Array): Promise<Uint8Array> {
  const connector = opcPackageFromMezFiles(readZip(mez).entries);
  return writeOpcPackage({
    parts: [
      ...connector.parts,
      {
        name: DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
        contentType: DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
        data: new Uint8Array(0),
      },
    ],
    relationships: new Map([
      [
        PACKAGE_ROOT,
        [
          ...relationshipsFrom(connector),
          {
            id: 'rId2',
            type: DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
            target: DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
            targetMode: 'Internal' as const,
          },
        ],
      ],
    ]),
  });
}

describe('inspectConnector', () => {
  it('inspects a .mez', async () => {
    const inspection = await inspectConnector(await helloWorldMez());
    expect(inspection.format).toBe('mez');
    expect(inspection.sectionFile).toBe('HelloWorld.pq');
    expect(inspection.metadata?.name).toBe('HelloWorld');
    expect(inspection.metadata?.dataSourceKinds[0]?.label).toBe('Hello World');
    expect(inspection.entries[0]).toEqual({
      name: 'HelloWorld.pq',
      size: statSync(join(examplePath('HelloWorld'), 'HelloWorld.pq')).size,
      role: 'connector',
    });
    expect(inspection.signature).toEqual({
      present: false,
      parts: [],
      status: 'unsigned',
      detail: 'a .mez file cannot be signed',
    });
    expect(inspection.problems).toEqual([]);
  });

  it('inspects an unsigned .pqx like the .mez it holds', async () => {
    const mez = await helloWorldMez();
    const fromMez = await inspectConnector(mez);
    const fromPqx = await inspectConnector(await pqxFromMez(mez));
    expect(fromPqx.format).toBe('pqx');
    expect(fromPqx.metadata).toEqual(fromMez.metadata);
    expect(fromPqx.entries.map((entry) => `${entry.name} ${entry.role}`)).toEqual([
      '[Content_Types].xml content-types',
      ...fromMez.entries.map((entry) => `${entry.name} connector`).slice(0, 8),
      '_rels/.rels relationships',
      'resources.resx connector',
    ]);
    expect(fromPqx.signature).toEqual({
      present: false,
      parts: [],
      status: 'unsigned',
      detail: 'the package has no signature parts',
    });
  });

  it('reports signature parts as not verified, unless a verifier is given', async () => {
    const pqx = await signedPqx(await helloWorldMez());
    const inspection = await inspectConnector(pqx);
    expect(inspection.signature).toEqual({
      present: true,
      parts: ['/package/services/digital-signature/origin.psdsor'],
      status: 'not-verified',
      detail: 'signature checking is not available here yet',
    });
    expect(inspection.entries.find((entry) => entry.role === 'signature')?.name).toBe(
      'package/services/digital-signature/origin.psdsor',
    );
    const seen: string[] = [];
    const verified = await inspectConnector(pqx, {
      verifySignature: (pkg) => {
        seen.push(...pkg.parts.map((part) => part.name));
        return { status: 'invalid', detail: 'no signature part' };
      },
    });
    expect(verified.signature.status).toBe('invalid');
    expect(seen).toContain(DIGITAL_SIGNATURE_ORIGIN_PART_NAME);
  });

  it('reports the problems of a connector it can still read', async () => {
    const bytes = await writeZip([
      { name: 'A.pq', data: text('section A;\n[DataSource.Kind = "B"]\nshared A.Contents = 1;') },
    ]);
    const inspection = await inspectConnector(bytes);
    expect(inspection.metadata?.dataSourceKinds.map((kind) => kind.name)).toEqual(['B']);
    expect(inspection.problems.map((problem) => problem.code)).toEqual([
      'PQSDK_BUILD_UNKNOWN_DATA_SOURCE_KIND',
    ]);
    const empty = await inspectConnector(await writeZip([{ name: 'notes.txt', data: text('x') }]));
    expect(empty.sectionFile).toBeUndefined();
    expect(empty.metadata).toBeUndefined();
    expect(empty.problems.map((problem) => problem.code)).toEqual(['PQSDK_BUILD_SECTION_COUNT']);
  });
});
