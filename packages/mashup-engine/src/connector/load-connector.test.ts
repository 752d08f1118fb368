import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileConnector, pqxFromMez, readZip, writeZip } from '@pqsdk/packager';
import { createDevelopmentCertificate, signPqx } from '@pqsdk/signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorLoadError, loadConnector, loadConnectorArchive, MashupEngine } from '../index.js';
import { EXAMPLES, storedZip, tempFolder } from '../../test/helpers.js';

const HELLO = `${EXAMPLES}HelloWorld`;
const HELLO_FILES = [
  'HelloWorld.pq',
  'HelloWorld16.png',
  'HelloWorld20.png',
  'HelloWorld24.png',
  'HelloWorld32.png',
  'HelloWorld40.png',
  'HelloWorld48.png',
  'HelloWorld64.png',
  'resources.resx',
];

let out: ReturnType<typeof tempFolder>;
let mezPath: string;

beforeAll(async () => {
  out = tempFolder({});
  const compiled = await compileConnector(HELLO, { outDir: out.path });
  if (!compiled.ok) throw new Error('HelloWorld does not compile');
  mezPath = compiled.outputPath;
});

afterAll(() => {
  out.remove();
});

describe('loadConnector', () => {
  it('reads a project folder as compile packages it', async () => {
    const connector = await loadConnector(HELLO);
    expect(connector).toMatchObject({
      name: 'HelloWorld',
      sectionFile: 'HelloWorld.pq',
      source: 'folder',
      signature: { status: 'unsigned' },
    });
    expect(Object.keys(connector.files).sort()).toEqual(HELLO_FILES);
    expect(connector.sectionText).toBe(readFileSync(join(HELLO, 'HelloWorld.pq'), 'utf8'));
  });

  it('reads a .pq file with the other files of its folder', async () => {
    const folder = tempFolder({
      'A.pq': '\ufeffsection A; shared X = 1;',
      'A.query.pq': 'X',
      'Helper.pqm': '1',
      'README.md': '# A',
    });
    try {
      const connector = await loadConnector(join(folder.path, 'A.pq'));
      expect(connector.source).toBe('file');
      expect(connector.sectionText).toBe('section A; shared X = 1;');
      expect(Object.keys(connector.files).sort()).toEqual(['A.pq', 'Helper.pqm']);
    } finally {
      folder.remove();
    }
  });

  it('reads the files a .proj lists as <MezContent>, in a folder and in its .mez', async () => {
    const folder = tempFolder({
      'Api.pq':
        'section Api; shared Api.Id = Text.FromBinary(Extension.Contents("client_id")) & Text.FromBinary(Extension.Contents("spec.json"));',
      'Api.proj':
        '<Project><ItemGroup><MezContent Include="client_id;spec.json" /></ItemGroup></Project>',
      client_id: 'abc',
      'spec.json': '{"x":1}',
      'notes.txt': 'not listed',
    });
    try {
      const connector = await loadConnector(folder.path);
      expect(Object.keys(connector.files).sort()).toEqual(['Api.pq', 'client_id', 'spec.json']);
      const compiled = await compileConnector(folder.path, { outDir: join(folder.path, 'out') });
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
      const fromMez = await loadConnector(compiled.outputPath);
      expect(Object.keys(fromMez.files).sort()).toEqual(['Api.pq', 'client_id', 'spec.json']);
      const engine = await MashupEngine.open(compiled.outputPath);
      try {
        const result = await engine.evaluate('Api.Id');
        expect(result.ok ? result.value.json : result.error).toBe('abc{"x":1}');
      } finally {
        await engine.close();
      }
    } finally {
      folder.remove();
    }
  });

  it('reads a .mez through the safe reader, with the same files', async () => {
    const connector = await loadConnector(mezPath);
    expect(connector).toMatchObject({ name: 'HelloWorld', source: 'mez' });
    expect(Object.keys(connector.files).sort()).toEqual(HELLO_FILES);
    expect(connector.signature.status).toBe('unsigned');
  });

  it('reads a .pqx and reports its signature status', async () => {
    const pqxPath = join(out.path, 'HelloWorld.pqx');
    writeFileSync(pqxPath, await pqxFromMez(readFileSync(mezPath)));
    const connector = await loadConnector(pqxPath);
    expect(connector).toMatchObject({
      source: 'pqx',
      signature: { status: 'unsigned', detail: 'the package has no signature parts' },
    });
    expect(Object.keys(connector.files).sort()).toEqual(HELLO_FILES);
  });

  it('verifies the signature of a signed .pqx, and finds a changed one invalid', async () => {
    const dev = createDevelopmentCertificate({
      subject: 'CN=pqsdk engine tests (dev)',
      password: 'test-only',
      keySize: 2048,
    });
    const unsigned = await pqxFromMez(readFileSync(mezPath));
    const { bytes: signed } = await signPqx(unsigned, dev.identity);
    const connector = await loadConnectorArchive(signed);
    expect(connector.source).toBe('pqx');
    expect(connector.signature.status).toBe('valid');
    expect(connector.signature.detail).toContain('CN=pqsdk engine tests (dev)');

    const entries = readZip(signed).entries.map((entry) =>
      entry.name === 'HelloWorld.pq'
        ? { name: entry.name, data: new TextEncoder().encode('section HelloWorld; shared X = 2;') }
        : { name: entry.name, data: entry.data },
    );
    const tampered = await loadConnectorArchive(await writeZip(entries));
    expect(tampered.signature.status).toBe('invalid');
    const unchecked = await loadConnectorArchive(signed, { verifySignature: null });
    expect(unchecked.signature.status).toBe('not-verified');
  });

  it('refuses a hostile archive with the packager’s code', async () => {
    const bytes = storedZip([
      { name: 'Evil.pq', data: 'section Evil;' },
      { name: '../escape.pqm', data: '1' },
    ]);
    const error = await loadConnectorArchive(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorLoadError);
    expect(error).toMatchObject({ code: 'PQSDK_ZIP_SLIP' });
  });

  it('refuses a package without exactly one section document', async () => {
    const error = await loadConnectorArchive(storedZip([{ name: 'a.pqm', data: '1' }])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'PQSDK_CONNECTOR_SECTION_COUNT' });
  });

  it('refuses a path that is not a connector', async () => {
    await expect(loadConnector(join(HELLO, 'missing'))).rejects.toMatchObject({
      code: 'PQSDK_CONNECTOR_NOT_FOUND',
    });
    await expect(loadConnector(join(HELLO, 'resources.resx'))).rejects.toMatchObject({
      code: 'PQSDK_CONNECTOR_NOT_FOUND',
    });
  });
});
