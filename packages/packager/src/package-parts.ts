import {
  CORE_PROPERTIES_CONTENT_TYPE,
  CORE_PROPERTIES_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_FOLDER,
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  PACKAGE_ROOT,
} from './opc-constants.js';
import { relationshipsFrom, type OpcPackage, type OpcPart } from './opc-package.js';
import { partNameKey, resolveRelationshipTarget, sourceOfRelationshipsPart } from './part-name.js';
import { relationshipsOfType } from './relationships.js';

/**
 * What a part of a `.pqx` is for:
 *
 * - `connector`: a file of the connector (what a `.mez` holds);
 * - `signature`: a digital signature part (ECMA-376 Part 2, §13): the origin, XML signatures,
 *   certificates, and their relationships parts;
 * - `core-properties`: package metadata (title, creator, …);
 * - `relationships`: any other relationships part.
 */
export type PartRole = 'connector' | 'signature' | 'core-properties' | 'relationships';

const SIGNATURE_CONTENT_TYPES = new Set([
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
]);

/**
 * The role of every part of a package, relationships parts included, by part name. A part is a
 * signature part when its content type is one of the digital signature types, when it is under
 * `/package/services/digital-signature/`, or when the package's origin relationship targets it; a
 * relationships part is one when its source is. Core properties are recognised the same way.
 */
export function partRoles(pkg: OpcPackage): ReadonlyMap<string, PartRole> {
  const packageRelationships = relationshipsFrom(pkg);
  const targets = (type: string): Set<string> =>
    new Set(
      relationshipsOfType(packageRelationships, type)
        .filter((relationship) => relationship.targetMode === 'Internal')
        .map((relationship) => resolveRelationshipTarget(PACKAGE_ROOT, relationship.target))
        .filter((target) => target !== undefined)
        .map(partNameKey),
    );
  const origins = targets(DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE);
  const coreProperties = targets(CORE_PROPERTIES_RELATIONSHIP_TYPE);

  const roles = new Map<string, PartRole>();
  const roleOf = (part: OpcPart): PartRole => {
    const key = partNameKey(part.name);
    const contentType = baseContentType(part.contentType);
    if (
      SIGNATURE_CONTENT_TYPES.has(contentType) ||
      key.startsWith(DIGITAL_SIGNATURE_FOLDER) ||
      origins.has(key)
    ) {
      return 'signature';
    }
    if (contentType === CORE_PROPERTIES_CONTENT_TYPE || coreProperties.has(key)) {
      return 'core-properties';
    }
    return 'connector';
  };
  const rolesByKey = new Map<string, PartRole>();
  for (const part of pkg.parts) {
    const role = roleOf(part);
    roles.set(part.name, role);
    rolesByKey.set(partNameKey(part.name), role);
  }
  for (const part of pkg.relationshipParts) {
    const source = sourceOfRelationshipsPart(part.name);
    const sourceRole = source === undefined ? undefined : rolesByKey.get(partNameKey(source));
    roles.set(
      part.name,
      sourceRole === 'signature' || partNameKey(part.name).startsWith(DIGITAL_SIGNATURE_FOLDER)
        ? 'signature'
        : 'relationships',
    );
  }
  return roles;
}

/** The names of the signature parts of a package (see {@link partRoles}), in part-name order. */
export function signaturePartNames(pkg: OpcPackage): string[] {
  return [...partRoles(pkg)]
    .filter(([, role]) => role === 'signature')
    .map(([name]) => name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The parts of a package that are connector files (role `connector`), in part-name order. */
export function connectorParts(pkg: OpcPackage): OpcPart[] {
  const roles = partRoles(pkg);
  return pkg.parts.filter((part) => roles.get(part.name) === 'connector');
}

function baseContentType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
