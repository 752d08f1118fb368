import { fileRole, type ConnectorFile } from './connector-files.js';
import {
  CONNECTOR_CONTENT_TYPES,
  FALLBACK_CONTENT_TYPE,
  PACKAGE_ROOT,
  SECTION_DOCUMENT_RELATIONSHIP_TYPE,
} from './opc-constants.js';
import type { OpcPackage, OpcPackageInput, OpcPart } from './opc-package.js';
import { readOpcPackage } from './opc-reader.js';
import { writeOpcPackage } from './opc-writer.js';
import { connectorParts } from './package-parts.js';
import {
  partExtension,
  partNameFromPath,
  pathFromPartName,
  zipItemNameOfPart,
} from './part-name.js';
import type { Relationship } from './relationships.js';
import { readZip, type ReadZipOptions } from './zip-reader.js';
import type { WriteZipOptions } from './zip-writer.js';

/**
 * The OPC package for the files of a `.mez` (see the README's "Container layout"):
 *
 * - one part per file, named `/` and its path percent-encoded (`partNameFromPath`), with the
 *   content type of its extension from `CONNECTOR_CONTENT_TYPES` (`application/octet-stream` for
 *   others);
 * - when there is exactly one section document, a package relationship `rId1` of type
 *   `SECTION_DOCUMENT_RELATIONSHIP_TYPE` that targets it.
 *
 * @example
 * ```ts
 * const bytes = await writeOpcPackage(opcPackageFromMezFiles(readZip(mez).entries));
 * ```
 */
export function opcPackageFromMezFiles(files: readonly ConnectorFile[]): OpcPackageInput {
  const parts: OpcPart[] = files.map((file) => {
    const name = partNameFromPath(file.name);
    return {
      name,
      contentType: CONNECTOR_CONTENT_TYPES[partExtension(name)] ?? FALLBACK_CONTENT_TYPE,
      data: file.data,
    };
  });
  const sections = parts.filter((part) => fileRole(pathFromPartName(part.name)) === 'section');
  const relationships = new Map<string, readonly Relationship[]>();
  const [section] = sections;
  if (sections.length === 1 && section !== undefined) {
    relationships.set(PACKAGE_ROOT, [
      {
        id: 'rId1',
        type: SECTION_DOCUMENT_RELATIONSHIP_TYPE,
        target: zipItemNameOfPart(section.name),
        targetMode: 'Internal',
      },
    ]);
  }
  return { parts, relationships };
}

/**
 * Packs the contents of a `.mez` into an unsigned `.pqx` (like `MakePQX pack` without a
 * certificate): reads the `.mez` through the safe reader, then writes {@link opcPackageFromMezFiles}
 * reproducibly.
 *
 * @throws {@link ZipError} for a `.mez` the safe reader refuses, and {@link OpcError} for a file
 * name that cannot be a part name.
 */
export async function pqxFromMez(
  mez: Uint8Array,
  options: ReadZipOptions & WriteZipOptions = {},
): Promise<Uint8Array> {
  const archive = readZip(mez, options.limits === undefined ? {} : { limits: options.limits });
  return writeOpcPackage(
    opcPackageFromMezFiles(archive.entries),
    options.date === undefined ? {} : { date: options.date },
  );
}

/**
 * The connector files of an OPC package, as a `.mez` holds them: every part whose role is
 * `connector` (not relationships, signature or core-properties parts), named by its decoded path
 * (`/My%20File.png` → `My File.png`), in part-name order.
 */
export function mezFilesFromOpcPackage(pkg: OpcPackage): ConnectorFile[] {
  return connectorParts(pkg).map((part) => ({
    name: pathFromPartName(part.name),
    data: part.data,
  }));
}

/**
 * The `.mez`-equivalent files of a `.pqx`: {@link mezFilesFromOpcPackage} of the package read
 * through the safe reader, so they can be compared with a `.mez` or loaded like one.
 *
 * @throws {@link ZipError} or {@link OpcError} for an archive or package that is refused.
 */
export function mezFilesFromPqx(pqx: Uint8Array, options: ReadZipOptions = {}): ConnectorFile[] {
  return mezFilesFromOpcPackage(readOpcPackage(pqx, options));
}
