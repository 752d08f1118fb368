import type { ContentTypes } from './content-types.js';
import { PACKAGE_ROOT } from './opc-constants.js';
import { partNameKey } from './part-name.js';
import type { Relationship } from './relationships.js';

/** One part of an Open Packaging Conventions package. */
export interface OpcPart {
  /** The part name: an absolute path such as `/HelloWorld.pq`, percent-encoded. */
  readonly name: string;
  /** Its media type, such as `image/png`. */
  readonly contentType: string;
  readonly data: Uint8Array;
}

/**
 * What {@link writeOpcPackage} writes: the parts (never relationships parts) and the
 * relationships, by source. The writer makes the relationships parts and `[Content_Types].xml`.
 */
export interface OpcPackageInput {
  /** Every part except relationships parts. */
  readonly parts: readonly OpcPart[];
  /**
   * The relationships by source: `/` (`PACKAGE_ROOT`) for the package's own, or a part name.
   * A source with no relationships gets no relationships part.
   */
  readonly relationships: ReadonlyMap<string, readonly Relationship[]>;
}

/** A package read by {@link readOpcPackage}. */
export interface OpcPackage extends OpcPackageInput {
  /** Every part except relationships parts, in part-name order. */
  readonly parts: readonly OpcPart[];
  /**
   * The relationships by source, `/` for the package: every relationships part of the package,
   * each under the name of the part it belongs to.
   */
  readonly relationships: ReadonlyMap<string, readonly Relationship[]>;
  /** The relationships parts as stored (for digests), in part-name order. */
  readonly relationshipParts: readonly OpcPart[];
  /** `[Content_Types].xml` as read. */
  readonly contentTypes: ContentTypes;
}

/** The part named `name` (compared as OPC part names are, case-insensitively), if any. */
export function findPart(pkg: Pick<OpcPackageInput, 'parts'>, name: string): OpcPart | undefined {
  const key = partNameKey(name);
  return pkg.parts.find((part) => partNameKey(part.name) === key);
}

/**
 * The relationships whose source is `source` (`/` for the package, the default), compared as OPC
 * part names are; empty when there are none.
 */
export function relationshipsFrom(
  pkg: Pick<OpcPackageInput, 'relationships'>,
  source: string = PACKAGE_ROOT,
): readonly Relationship[] {
  const key = source === PACKAGE_ROOT ? PACKAGE_ROOT : partNameKey(source);
  for (const [from, relationships] of pkg.relationships) {
    if ((from === PACKAGE_ROOT ? PACKAGE_ROOT : partNameKey(from)) === key) return relationships;
  }
  return [];
}
