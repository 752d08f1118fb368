import {
  DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  findPart,
  PACKAGE_ROOT,
  partNameKey,
  relationshipsFrom,
  relationshipsOfType,
  resolveRelationshipTarget,
  type OpcPackageInput,
} from '@pqsdk/packager';

/**
 * Where a package keeps its signatures (ECMA-376 Part 2 §13.2): the origin part that the package
 * relationship of type "digital-signature/origin" targets, the XML signature parts that the
 * origin relates to ("digital-signature/signature"), and the certificate parts those relate to.
 * Together they are the signature infrastructure, which signatures do not cover.
 */
export interface SignatureLayout {
  /** The origin part, when there is exactly one usable origin relationship. */
  readonly origin: string | undefined;
  /** The XML signature parts, in the order of the origin's relationships. */
  readonly signatures: readonly string[];
  /** The certificate parts of each signature part (usually none: pqsdk embeds the certificate). */
  readonly certificates: ReadonlyMap<string, readonly string[]>;
  /** The keys (`partNameKey`) of every infrastructure part: origin, signatures, certificates. */
  readonly infrastructure: ReadonlySet<string>;
  /** What is wrong with the layout, such as an external origin; empty for a sound one. */
  readonly problems: readonly string[];
}

/**
 * Finds the signature infrastructure of a package, as .NET's PackageDigitalSignatureManager does:
 * only an origin part with the origin content type counts, and only signature parts with the
 * XML signature content type; signatures of other types are ignored. More strictly than .NET, it
 * reports as problems an origin that is not empty (ECMA-376 Part 2 §13.2.1 gives it no content),
 * origin relationships other than to signatures, and signature relationships other than to
 * certificates: nothing else may hide in the parts that signatures do not cover.
 */
export function signatureLayout(pkg: OpcPackageInput): SignatureLayout {
  const problems: string[] = [];
  const infrastructure = new Set<string>();
  const originRelationships = relationshipsOfType(
    relationshipsFrom(pkg, PACKAGE_ROOT),
    DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  );
  const origins: string[] = [];
  for (const relationship of originRelationships) {
    const target = internalTarget(pkg, PACKAGE_ROOT, relationship.target, relationship.targetMode);
    if (target === undefined) {
      problems.push(
        `the origin relationship ${relationship.id} does not target a part of the package`,
      );
      continue;
    }
    const part = findPart(pkg, target);
    if (
      part !== undefined &&
      baseType(part.contentType) === DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE
    ) {
      origins.push(part.name);
    }
  }
  if (origins.length > 1) problems.push('the package has more than one signature origin');
  const origin = origins.length === 1 ? origins[0] : undefined;

  const signatures: string[] = [];
  const certificates = new Map<string, string[]>();
  if (origin !== undefined) {
    infrastructure.add(partNameKey(origin));
    if ((findPart(pkg, origin)?.data.length ?? 0) > 0) {
      problems.push('the signature origin part is not empty');
    }
    const fromOrigin = relationshipsFrom(pkg, origin);
    if (
      relationshipsOfType(fromOrigin, DIGITAL_SIGNATURE_RELATIONSHIP_TYPE).length !==
      fromOrigin.length
    ) {
      problems.push('the signature origin has relationships other than to signatures');
    }
    for (const relationship of relationshipsOfType(
      fromOrigin,
      DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
    )) {
      const target = internalTarget(pkg, origin, relationship.target, relationship.targetMode);
      const part = target === undefined ? undefined : findPart(pkg, target);
      if (part === undefined) {
        problems.push(
          `the origin's relationship ${relationship.id} targets no part of the package`,
        );
        continue;
      }
      if (baseType(part.contentType) !== DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE) continue;
      if (infrastructure.has(partNameKey(part.name))) continue;
      signatures.push(part.name);
      infrastructure.add(partNameKey(part.name));
      const parts: string[] = [];
      const fromSignature = relationshipsFrom(pkg, part.name);
      const links = relationshipsOfType(
        fromSignature,
        DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
      );
      if (links.length !== fromSignature.length) {
        problems.push(`${part.name} has relationships other than to its certificate`);
      }
      for (const link of links) {
        const certificate = internalTarget(pkg, part.name, link.target, link.targetMode);
        const found = certificate === undefined ? undefined : findPart(pkg, certificate);
        if (found === undefined) {
          problems.push(`${part.name} relates to a certificate part that is not in the package`);
          continue;
        }
        parts.push(found.name);
        infrastructure.add(partNameKey(found.name));
      }
      certificates.set(part.name, parts);
    }
  }
  return { origin, signatures, certificates, infrastructure, problems };
}

function internalTarget(
  pkg: OpcPackageInput,
  source: string,
  target: string,
  mode: 'Internal' | 'External',
): string | undefined {
  if (mode !== 'Internal') return undefined;
  const name = resolveRelationshipTarget(source, target);
  return name === undefined ? undefined : findPart(pkg, name)?.name;
}

function baseType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
