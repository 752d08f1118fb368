import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import {
  decodeText as decodeTextFile,
  fileRole,
  listProjectFiles,
  PackagerError,
  readConnectorArchive,
  type ConnectorArchive,
  type ReadZipOptions,
  type SignatureVerifier,
} from '@pqsdk/packager';
import { signatureVerifier } from '@pqsdk/signer';
import {
  ConnectorLoadError,
  type ConnectorPackage,
  type ConnectorSignature,
  type ConnectorSource,
} from './connector-package.js';

/** Options of {@link loadConnector}. */
export interface LoadConnectorOptions extends ReadZipOptions {
  /**
   * Checks the signature of a `.pqx` that has signature parts. Default: `@pqsdk/signer`'s
   * verifier (`valid` when every signature verifies and covers the package, whatever the trust
   * in the certificate; `invalid` otherwise). `null` skips the check: the status is then
   * `not-verified`.
   */
  readonly verifySignature?: SignatureVerifier | null;
}

/**
 * Loads a connector from a project folder, a section document (`.pq` or `.m`: the other files of
 * its folder complete the package, as `compile` would package them), a `.mez` or a `.pqx` (both
 * read with the packager's safe reader and its limits; a `.pqx` signature is verified with
 * `@pqsdk/signer`).
 *
 * @throws {@link ConnectorLoadError} with a `PQSDK_CONNECTOR_*` code, or the packager's code
 * (`PQSDK_ZIP_*`, `PQSDK_OPC_*`) for an archive it refused.
 *
 * @example
 * ```ts
 * const connector = await loadConnector('examples/HelloWorld');
 * connector.sectionFile; // 'HelloWorld.pq'
 * ```
 */
export async function loadConnector(
  path: string,
  options: LoadConnectorOptions = {},
): Promise<ConnectorPackage> {
  const absolute = resolve(path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch (error) {
    throw new ConnectorLoadError(
      'PQSDK_CONNECTOR_NOT_FOUND',
      `cannot read the connector ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (isDirectory) return fromFiles(readProject(absolute), 'folder', absolute);
  const extension = extname(absolute).toLowerCase();
  if (extension === '.mez' || extension === '.pqx') {
    return fromArchive(
      readBytes(absolute),
      extension === '.pqx' ? 'pqx' : 'mez',
      absolute,
      options,
    );
  }
  if (fileRole(basename(absolute)) === 'section') {
    const others = readProject(dirname(absolute)).filter(([name]) => fileRole(name) !== 'section');
    const files: [string, Uint8Array][] = [[basename(absolute), readBytes(absolute)], ...others];
    return fromFiles(files, 'file', absolute);
  }
  throw new ConnectorLoadError(
    'PQSDK_CONNECTOR_NOT_FOUND',
    `${path} is not a connector: give a project folder, a .pq or .m section document, a .mez or a .pqx`,
  );
}

/**
 * Loads a connector from the bytes of a `.mez` or `.pqx` (an archive with `[Content_Types].xml` is
 * read as a `.pqx`).
 *
 * @throws {@link ConnectorLoadError} as {@link loadConnector} does.
 */
export async function loadConnectorArchive(
  bytes: Uint8Array,
  options: LoadConnectorOptions = {},
): Promise<ConnectorPackage> {
  return fromArchive(bytes, 'mez', undefined, options);
}

function readProject(folder: string): [string, Uint8Array][] {
  try {
    return listProjectFiles(folder).packaged.map((file) => [file.name, readBytes(file.path)]);
  } catch (error) {
    if (error instanceof ConnectorLoadError) throw error;
    if (error instanceof PackagerError) {
      throw new ConnectorLoadError(error.code, error.message, { cause: error });
    }
    throw error;
  }
}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new ConnectorLoadError(
      'PQSDK_CONNECTOR_NOT_FOUND',
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function fromArchive(
  bytes: Uint8Array,
  source: ConnectorSource,
  origin: string | undefined,
  options: LoadConnectorOptions,
): Promise<ConnectorPackage> {
  let archive: ConnectorArchive;
  try {
    archive = readConnectorArchive(
      bytes,
      options.limits === undefined ? {} : { limits: options.limits },
    );
  } catch (error) {
    if (error instanceof PackagerError) {
      const where = origin === undefined ? 'the archive' : origin;
      throw new ConnectorLoadError(error.code, `${where} was refused: ${error.message}`, {
        cause: error,
        ...(error.entry === undefined ? {} : { file: error.entry }),
      });
    }
    throw error;
  }
  const verify =
    options.verifySignature === undefined ? signatureVerifier() : options.verifySignature;
  const signature = await signatureOf(archive, verify ?? undefined);
  const files = archive.files.map((file): [string, Uint8Array] => [file.name, file.data]);
  return fromFiles(files, archive.format === 'pqx' ? 'pqx' : source, origin, signature);
}

async function signatureOf(
  archive: ConnectorArchive,
  verify: SignatureVerifier | undefined,
): Promise<ConnectorSignature> {
  if (archive.package === undefined) {
    return { status: 'unsigned', detail: 'a .mez file is never signed' };
  }
  if (archive.signatureParts.length === 0) {
    return { status: 'unsigned', detail: 'the package has no signature parts' };
  }
  if (verify === undefined) {
    return { status: 'not-verified', detail: 'no signature verifier was given' };
  }
  const verdict = await verify(archive.package);
  return { status: verdict.status, detail: verdict.detail };
}

function fromFiles(
  files: readonly (readonly [string, Uint8Array])[],
  source: ConnectorSource,
  origin: string | undefined,
  signature: ConnectorSignature = { status: 'unsigned', detail: `a ${source} is never signed` },
): ConnectorPackage {
  const sections = files.filter(([name]) => fileRole(name) === 'section');
  const where = origin ?? 'the archive';
  const [section] = sections;
  if (sections.length !== 1 || section === undefined) {
    const found = sections.length === 0 ? 'none' : sections.map(([name]) => name).join(', ');
    throw new ConnectorLoadError(
      'PQSDK_CONNECTOR_SECTION_COUNT',
      `${where} must hold exactly one section document (.pq or .m, other than *.query.pq); found ${found}`,
    );
  }
  const [sectionFile, sectionBytes] = section;
  const sectionText = decodeText(sectionBytes);
  if (sectionText === undefined) {
    throw new ConnectorLoadError(
      'PQSDK_CONNECTOR_NOT_TEXT',
      `${sectionFile} is not UTF-8 text; save it as UTF-8`,
      { file: sectionFile },
    );
  }
  const record: Record<string, Uint8Array> = {};
  for (const [name, data] of files) record[name] = data;
  return {
    name: basename(sectionFile, extname(sectionFile)),
    sectionFile,
    sectionText,
    files: record,
    source,
    ...(origin === undefined ? {} : { origin }),
    signature,
  };
}

/**
 * Decodes a text file of a connector: UTF-8 (a byte-order mark removed) or UTF-16 with its
 * byte-order mark; undefined when the bytes are not valid text.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  return decodeTextFile(bytes, { removeByteOrderMark: true });
}
