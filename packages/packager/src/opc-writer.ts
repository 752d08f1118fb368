import { buildContentTypes, isMediaType, serializeContentTypes } from './content-types.js';
import { OpcError } from './errors.js';
import {
  CONTENT_TYPES_ITEM_NAME,
  PACKAGE_ROOT,
  RELATIONSHIPS_CONTENT_TYPE,
} from './opc-constants.js';
import type { OpcPackageInput, OpcPart } from './opc-package.js';
import {
  checkPartName,
  isInRelationshipsFolder,
  partNameKey,
  relationshipsPartNameFor,
  zipItemNameOfPart,
} from './part-name.js';
import { serializeRelationships } from './relationships.js';
import { findPathConflict } from './zip-entry-name.js';
import { writeZip, type WriteZipOptions } from './zip-writer.js';

/**
 * Writes an Open Packaging Conventions package to zip bytes, reproducibly (as `writeZip`):
 *
 * - `[Content_Types].xml` first, with a `Default` per extension and an `Override` where a part's
 *   type differs from its extension's (see `buildContentTypes`);
 * - then every part and every relationships part (`/_rels/.rels` for the package,
 *   `/dir/_rels/name.rels` for a part), in code-unit order of their zip item names, which are the
 *   part names without the leading `/`.
 *
 * @throws {@link OpcError} for an invalid or `_rels` part name (`PQSDK_OPC_BAD_PART_NAME`), two
 * equivalent names (`PQSDK_OPC_DUPLICATE_PART`), a part inside another (`PQSDK_OPC_PART_CONFLICT`),
 * a content type that is not a media type (`PQSDK_OPC_BAD_CONTENT_TYPES`), or relationships of a
 * source that is not in the package, or that break the rules (`PQSDK_OPC_BAD_RELATIONSHIPS`).
 *
 * @example
 * ```ts
 * const bytes = await writeOpcPackage({
 *   parts: [{ name: '/HelloWorld.pq', contentType: 'text/plain', data }],
 *   relationships: new Map(),
 * });
 * ```
 */
export async function writeOpcPackage(
  input: OpcPackageInput,
  options: WriteZipOptions = {},
): Promise<Uint8Array> {
  const keys = new Set<string>();
  for (const part of input.parts) {
    const problem = checkPartName(part.name);
    if (problem !== undefined) {
      throw new OpcError(
        'PQSDK_OPC_BAD_PART_NAME',
        `cannot write part "${part.name}": ${problem}`,
        {
          entry: part.name,
        },
      );
    }
    if (isInRelationshipsFolder(part.name)) {
      throw new OpcError(
        'PQSDK_OPC_BAD_PART_NAME',
        `cannot write part "${part.name}" inside a _rels folder: give relationships in "relationships", not as parts`,
        { entry: part.name },
      );
    }
    if (!isMediaType(part.contentType)) {
      throw new OpcError(
        'PQSDK_OPC_BAD_CONTENT_TYPES',
        `part "${part.name}" has content type "${part.contentType}", which is not a media type such as "text/plain"`,
        { entry: part.name },
      );
    }
    const key = partNameKey(part.name);
    if (keys.has(key)) {
      throw new OpcError(
        'PQSDK_OPC_DUPLICATE_PART',
        `cannot write two parts named "${part.name}" (part names compare case-insensitively)`,
        { entry: part.name },
      );
    }
    keys.add(key);
  }

  const relationshipParts: OpcPart[] = [];
  for (const [source, relationships] of input.relationships) {
    if (relationships.length === 0) continue;
    if (source !== PACKAGE_ROOT && !keys.has(partNameKey(source))) {
      throw new OpcError(
        'PQSDK_OPC_BAD_RELATIONSHIPS',
        `relationships are given for "${source}", which is not a part of the package`,
        { entry: source },
      );
    }
    const name = relationshipsPartNameFor(source);
    relationshipParts.push({
      name,
      contentType: RELATIONSHIPS_CONTENT_TYPE,
      data: new TextEncoder().encode(serializeRelationships(relationships, name)),
    });
  }

  const allParts = [...input.parts, ...relationshipParts];
  const conflict = findPathConflict(allParts.map((part) => zipItemNameOfPart(part.name)));
  if (conflict !== undefined) {
    throw new OpcError(
      'PQSDK_OPC_PART_CONFLICT',
      `cannot write part "/${conflict.inner}" inside part "/${conflict.file}"`,
      { entry: `/${conflict.inner}` },
    );
  }
  const contentTypes = buildContentTypes(allParts);
  const items = allParts
    .map((part) => ({ name: zipItemNameOfPart(part.name), data: part.data }))
    .sort((a, b) => compareText(a.name, b.name));
  return writeZip(
    [
      {
        name: CONTENT_TYPES_ITEM_NAME,
        data: new TextEncoder().encode(serializeContentTypes(contentTypes)),
      },
      ...items,
    ],
    options,
  );
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
