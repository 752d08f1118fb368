import { contentTypeFor, parseContentTypes } from './content-types.js';
import { OpcError } from './errors.js';
import {
  CONTENT_TYPES_ITEM_NAME,
  PACKAGE_ROOT,
  RELATIONSHIPS_CONTENT_TYPE,
} from './opc-constants.js';
import type { OpcPackage, OpcPart } from './opc-package.js';
import {
  checkPartName,
  isInRelationshipsFolder,
  partNameKey,
  partNameOfZipItem,
  sourceOfRelationshipsPart,
} from './part-name.js';
import { parseRelationships, type Relationship } from './relationships.js';
import { decodeText } from './text-decoding.js';
import { readZip, type ReadZipOptions, type ZipArchive } from './zip-reader.js';

/**
 * Reads an Open Packaging Conventions package (a `.pqx`) through the safe zip reader, so every
 * check of `readZip` applies, then checks the package itself:
 *
 * - `[Content_Types].xml` must be there (`PQSDK_OPC_NO_CONTENT_TYPES`) and well-formed
 *   (`PQSDK_OPC_BAD_CONTENT_TYPES`);
 * - every zip item must have a valid part name (`PQSDK_OPC_BAD_PART_NAME`), no two equivalent
 *   (`PQSDK_OPC_DUPLICATE_PART`), and a content type (`PQSDK_OPC_MISSING_CONTENT_TYPE`);
 * - every relationships part must be well-formed, have the relationships content type, and belong
 *   to the package or to a part that exists and is not itself a relationships part
 *   (`PQSDK_OPC_BAD_RELATIONSHIPS`); other parts cannot be inside a `_rels` folder.
 *
 * Folder entries of the zip are ignored.
 *
 * @throws {@link ZipError} for an archive the safe reader refuses, and {@link OpcError} for a
 * malformed package.
 *
 * @example
 * ```ts
 * const pkg = readOpcPackage(readFileSync('HelloWorld.pqx'));
 * for (const part of pkg.parts) console.log(part.name, part.contentType);
 * ```
 */
export function readOpcPackage(bytes: Uint8Array, options: ReadZipOptions = {}): OpcPackage {
  return opcPackageFromZip(readZip(bytes, options));
}

/** True when an archive read by `readZip` has `[Content_Types].xml`, so it is an OPC package. */
export function isOpcArchive(archive: ZipArchive): boolean {
  return archive.entries.some((entry) => isContentTypesItem(entry.name));
}

/**
 * The OPC package in an archive already read by `readZip`; see {@link readOpcPackage}.
 *
 * @throws {@link OpcError} for a malformed package.
 */
export function opcPackageFromZip(archive: ZipArchive): OpcPackage {
  const contentTypesEntry = archive.entries.find((entry) => isContentTypesItem(entry.name));
  if (contentTypesEntry === undefined) {
    throw new OpcError(
      'PQSDK_OPC_NO_CONTENT_TYPES',
      `the package has no ${CONTENT_TYPES_ITEM_NAME}, so it is not an Open Packaging Conventions package (.pqx); build it with pqsdk`,
    );
  }
  const contentTypesText = decodeText(contentTypesEntry.data);
  if (contentTypesText === undefined) {
    throw new OpcError(
      'PQSDK_OPC_BAD_CONTENT_TYPES',
      `${CONTENT_TYPES_ITEM_NAME} is not UTF-8 or UTF-16 text`,
      { entry: CONTENT_TYPES_ITEM_NAME },
    );
  }
  const contentTypes = parseContentTypes(contentTypesText);

  const parts: OpcPart[] = [];
  const relationshipParts: OpcPart[] = [];
  const seen = new Map<string, string>();
  for (const entry of archive.entries) {
    if (entry === contentTypesEntry) continue;
    const name = partNameOfZipItem(entry.name);
    const problem = checkPartName(name);
    if (problem !== undefined) {
      throw new OpcError('PQSDK_OPC_BAD_PART_NAME', `bad part name "${name}": ${problem}`, {
        entry: name,
      });
    }
    const key = partNameKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new OpcError(
        'PQSDK_OPC_DUPLICATE_PART',
        `parts "${earlier}" and "${name}" have equivalent names; part names compare case-insensitively and after percent-decoding`,
        { entry: name },
      );
    }
    seen.set(key, name);
    const contentType = contentTypeFor(contentTypes, name);
    if (contentType === undefined) {
      throw new OpcError(
        'PQSDK_OPC_MISSING_CONTENT_TYPE',
        `part "${name}" has no content type: ${CONTENT_TYPES_ITEM_NAME} has neither an Override for it nor a Default for its extension`,
        { entry: name },
      );
    }
    const part: OpcPart = { name, contentType, data: entry.data };
    if (sourceOfRelationshipsPart(name) !== undefined) {
      relationshipParts.push(part);
    } else if (isInRelationshipsFolder(name)) {
      throw new OpcError(
        'PQSDK_OPC_BAD_PART_NAME',
        `part "${name}" is inside a _rels folder but is not a relationships part (name.rels)`,
        { entry: name },
      );
    } else {
      parts.push(part);
    }
  }

  const relationships = new Map<string, readonly Relationship[]>();
  for (const part of relationshipParts) {
    relationships.set(relationshipSource(part, seen), readRelationshipsPart(part));
  }
  const byName = (a: OpcPart, b: OpcPart): number => compareText(a.name, b.name);
  return {
    parts: parts.sort(byName),
    relationshipParts: relationshipParts.sort(byName),
    relationships,
    contentTypes,
  };
}

function relationshipSource(part: OpcPart, partNames: ReadonlyMap<string, string>): string {
  const source = sourceOfRelationshipsPart(part.name);
  if (source === undefined) throw new Error(`not a relationships part: ${part.name}`);
  if (source === PACKAGE_ROOT) return PACKAGE_ROOT;
  if (sourceOfRelationshipsPart(source) !== undefined) {
    throw new OpcError(
      'PQSDK_OPC_BAD_RELATIONSHIPS',
      `${part.name}: a relationships part cannot have relationships of its own`,
      { entry: part.name },
    );
  }
  const existing = partNames.get(partNameKey(source));
  if (existing === undefined) {
    throw new OpcError(
      'PQSDK_OPC_BAD_RELATIONSHIPS',
      `${part.name} holds the relationships of "${source}", which is not in the package`,
      { entry: part.name },
    );
  }
  return existing;
}

function readRelationshipsPart(part: OpcPart): Relationship[] {
  if (part.contentType.toLowerCase() !== RELATIONSHIPS_CONTENT_TYPE) {
    throw new OpcError(
      'PQSDK_OPC_BAD_RELATIONSHIPS',
      `${part.name} has content type "${part.contentType}", not ${RELATIONSHIPS_CONTENT_TYPE}`,
      { entry: part.name },
    );
  }
  const text = decodeText(part.data);
  if (text === undefined) {
    throw new OpcError('PQSDK_OPC_BAD_RELATIONSHIPS', `${part.name} is not UTF-8 or UTF-16 text`, {
      entry: part.name,
    });
  }
  return parseRelationships(text, part.name);
}

function isContentTypesItem(name: string): boolean {
  return name.toLowerCase() === CONTENT_TYPES_ITEM_NAME.toLowerCase();
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
