import type { ConnectorFile } from './connector-files.js';
import type { OpcPackage } from './opc-package.js';
import { isOpcArchive, opcPackageFromZip } from './opc-reader.js';
import { partRoles, signaturePartNames, type PartRole } from './package-parts.js';
import { partNameOfZipItem } from './part-name.js';
import { mezFilesFromOpcPackage } from './pqx.js';
import { readZip, type ReadZipOptions } from './zip-reader.js';

/** The two kinds of connector archive: a plain zip (`.mez`), or an OPC package (`.pqx`). */
export type ArchiveFormat = 'mez' | 'pqx';

/** What an entry of a connector archive is for: a part role, or the content types of a `.pqx`. */
export type ArchiveEntryRole = PartRole | 'content-types';

/** One file entry of a connector archive. */
export interface ArchiveEntry {
  /** The zip entry name, as stored. */
  readonly name: string;
  /** The uncompressed size in bytes. */
  readonly size: number;
  readonly role: ArchiveEntryRole;
}

/** A connector archive read by {@link readConnectorArchive}. */
export interface ConnectorArchive {
  /** `pqx` when the archive has `[Content_Types].xml` (whatever the file is called), else `mez`. */
  readonly format: ArchiveFormat;
  /** Every file entry, in the order of the archive. */
  readonly entries: readonly ArchiveEntry[];
  /** The connector's files, as a `.mez` holds them (for a `.pqx`: `mezFilesFromOpcPackage`). */
  readonly files: readonly ConnectorFile[];
  /** The OPC package, for a `.pqx`. */
  readonly package: OpcPackage | undefined;
  /** The names of the signature parts, for a `.pqx` (see `partRoles`); empty for a `.mez`. */
  readonly signatureParts: readonly string[];
}

/**
 * Reads a `.mez` or `.pqx` through the safe reader, for tools and for loading a connector. An
 * archive with `[Content_Types].xml` is read as an OPC package, whatever its file name.
 *
 * @throws {@link ZipError} or {@link OpcError} for an archive or package that is refused.
 *
 * @example
 * ```ts
 * const archive = readConnectorArchive(readFileSync('HelloWorld.pqx'));
 * archive.files.map((file) => file.name); // ['HelloWorld.pq', 'HelloWorld16.png', …]
 * ```
 */
export function readConnectorArchive(
  bytes: Uint8Array,
  options: ReadZipOptions = {},
): ConnectorArchive {
  const archive = readZip(bytes, options);
  if (!isOpcArchive(archive)) {
    return {
      format: 'mez',
      entries: archive.entries.map((entry) => ({
        name: entry.name,
        size: entry.data.length,
        role: 'connector',
      })),
      files: archive.entries.map((entry) => ({ name: entry.name, data: entry.data })),
      package: undefined,
      signatureParts: [],
    };
  }
  const pkg = opcPackageFromZip(archive);
  const roles = partRoles(pkg);
  return {
    format: 'pqx',
    entries: archive.entries.map((entry) => ({
      name: entry.name,
      size: entry.data.length,
      role: roles.get(partNameOfZipItem(entry.name)) ?? 'content-types',
    })),
    files: mezFilesFromOpcPackage(pkg),
    package: pkg,
    signatureParts: signaturePartNames(pkg),
  };
}
