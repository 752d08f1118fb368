import { randomUUID } from 'node:crypto';
import {
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_FOLDER,
  nextRelationshipId,
  opcPackageFromMezFiles,
  PACKAGE_ROOT,
  partNameKey,
  readOpcPackage,
  readZip,
  RELATIONSHIPS_CONTENT_TYPE,
  relationshipsFrom,
  relationshipsPartNameFor,
  serializeRelationships,
  writeOpcPackage,
  type OpcPackageInput,
  type OpcPart,
  type ReadZipOptions,
  type Relationship,
  type WriteZipOptions,
} from '@pqsdk/packager';
import { SignerError } from './errors.js';
import { relationshipTransform } from './relationship-transform.js';
import { signatureLayout } from './signature-layout.js';
import {
  buildSignatureXml,
  sha256,
  type ManifestReferenceInput,
  type RawReferenceInput,
} from './signature-xml.js';
import type { SigningIdentity } from './signing-identity.js';
import { verifyOpcPackage } from './verify.js';
import { canonicalize } from './c14n.js';
import { decodeXml, parseXml } from './xml.js';

/** Options of {@link signOpcPackage}. */
export interface SignOptions {
  /** Remove the existing signatures first, instead of countersigning. */
  readonly replace?: boolean;
  /** The signing time written in the signature. Default: now. */
  readonly now?: Date;
  /**
   * The name of the new signature part, 32 lower-case hexadecimal digits (a GUID without dashes,
   * as .NET names it). Default: a random one. Give one only to make output reproducible.
   */
  readonly signaturePartId?: string;
}

/** What {@link signOpcPackage} made. */
export interface SignResult {
  /** The signed package, to write with `writeOpcPackage`. */
  readonly package: OpcPackageInput;
  /** The name of the new XML signature part. */
  readonly signaturePart: string;
  /** True when the package was already signed and the new signature countersigns it. */
  readonly countersigned: boolean;
  /** How many signatures the package now has. */
  readonly signatureCount: number;
}

/**
 * Signs an OPC package as MakePQX does with .NET's PackageDigitalSignatureManager (see the
 * package README for the exact layout):
 *
 * - the origin part `/package/services/digital-signature/origin.psdsor` (empty), with a package
 *   relationship to it, is added if missing;
 * - a new XML signature part `/package/services/digital-signature/xml-signature/<id>.psdsxs`,
 *   related from the origin, signs with RSA-SHA256 and SHA-256 digests every part except the
 *   signature infrastructure, and every relationship of the package and of those parts (by Id,
 *   through the relationship transform); the certificate (and any others of the identity) is
 *   embedded in `<KeyInfo>`;
 * - when the package is already signed, the new signature countersigns it: it also signs the
 *   existing signature parts (canonicalized), after checking that they verify; with `replace`,
 *   the existing signatures, their certificate parts and the origin are removed first.
 *
 * Nothing already signed changes: existing parts keep their bytes, and the origin's new
 * relationship is not covered by earlier signatures.
 *
 * @throws {@link SignerError} `PQSDK_SIGN_EXISTING_INVALID` when countersigning a package whose
 * signature does not verify, or `PQSDK_SIGN_BAD_PACKAGE` for a package with nothing to sign or
 * malformed signature parts (without `replace`).
 *
 * @example
 * ```ts
 * const { package: signed } = signOpcPackage(readOpcPackage(bytes), identity);
 * writeFileAtomic('HelloWorld.pqx', await writeOpcPackage(signed));
 * ```
 */
export function signOpcPackage(
  pkg: OpcPackageInput & { readonly relationshipParts?: readonly OpcPart[] },
  identity: SigningIdentity,
  options: SignOptions = {},
): SignResult {
  const id = options.signaturePartId ?? randomUUID().replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/.test(id)) {
    throw new RangeError(`a signature part id is 32 lower-case hexadecimal digits, not "${id}"`);
  }
  let layout = signatureLayout(pkg);
  let base: OpcPackageInput = pkg;
  const replace = options.replace ?? false;
  if (replace) {
    base = withoutSignatures(pkg, layout.infrastructure);
    layout = signatureLayout(base);
  } else if (layout.problems.length > 0) {
    throw new SignerError(
      'PQSDK_SIGN_BAD_PACKAGE',
      `the package's signature parts are malformed (${layout.problems[0] ?? ''}); sign with --replace to start over`,
    );
  }
  const countersigned = layout.signatures.length > 0;
  if (countersigned) {
    const existing = verifyOpcPackage(pkg);
    if (existing.status !== 'Success') {
      throw new SignerError(
        'PQSDK_SIGN_EXISTING_INVALID',
        `the package's existing signature does not verify (${existing.status}: ${existing.problem ?? ''}); sign with --replace to replace it`,
      );
    }
  }

  // The origin, and the package's relationship to it.
  const parts: OpcPart[] = [...base.parts];
  const relationships = new Map<string, readonly Relationship[]>(base.relationships);
  let origin = layout.origin;
  if (origin === undefined) {
    origin = DIGITAL_SIGNATURE_ORIGIN_PART_NAME;
    parts.push({
      name: origin,
      contentType: DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
      data: new Uint8Array(0),
    });
    const packageRelationships = relationshipsFrom(base, PACKAGE_ROOT);
    setRelationships(relationships, PACKAGE_ROOT, [
      ...packageRelationships,
      {
        id: nextRelationshipId(packageRelationships),
        type: DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
        target: origin,
        targetMode: 'Internal',
      },
    ]);
  }
  const signaturePart = `${DIGITAL_SIGNATURE_XML_SIGNATURE_FOLDER}${id}.psdsxs`;
  const originRelationships = relationshipsFrom({ relationships }, origin);
  setRelationships(relationships, origin, [
    ...originRelationships,
    {
      id: nextRelationshipId(originRelationships),
      type: DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
      target: signaturePart,
      targetMode: 'Internal',
    },
  ]);

  const infrastructure = new Set(layout.infrastructure);
  infrastructure.add(partNameKey(origin));
  const existingSignatures = new Set(layout.signatures.map(partNameKey));
  const references: ManifestReferenceInput[] = [];
  for (const part of [...parts].sort((a, b) => compareText(a.name, b.name))) {
    const key = partNameKey(part.name);
    if (existingSignatures.has(key)) {
      references.push({
        partName: part.name,
        contentType: part.contentType,
        canonicalize: true,
        digest: sha256(canonicalXml(part)),
      });
    } else if (!infrastructure.has(key)) {
      references.push({
        partName: part.name,
        contentType: part.contentType,
        digest: sha256(part.data),
      });
    }
  }
  if (references.length === 0) {
    throw new SignerError('PQSDK_SIGN_BAD_PACKAGE', 'the package has no parts to sign');
  }
  const rawReferences: RawReferenceInput[] = [];
  const sources = [...relationships.keys()]
    .filter((source) => source === PACKAGE_ROOT || !infrastructure.has(partNameKey(source)))
    .sort((a, b) => compareText(relationshipsPartNameFor(a), relationshipsPartNameFor(b)));
  for (const source of sources) {
    const list = relationships.get(source) ?? [];
    if (list.length === 0) continue;
    const partName = relationshipsPartNameFor(source);
    const relationshipIds = list.map((relationship) => relationship.id).sort(compareText);
    const stored = serializeRelationships(list, partName);
    rawReferences.push({
      partName,
      contentType: RELATIONSHIPS_CONTENT_TYPE,
      digest: sha256(stored),
    });
    references.push({
      partName,
      contentType: RELATIONSHIPS_CONTENT_TYPE,
      relationshipIds,
      digest: sha256(
        relationshipTransform(
          stored,
          relationshipIds.map((value) => ({ kind: 'id', value })),
        ),
      ),
    });
  }

  // The origin's relationships, as they are now (with the new signature's): byte for byte only.
  const originRelationshipsPart = relationshipsPartNameFor(origin);
  rawReferences.push({
    partName: originRelationshipsPart,
    contentType: RELATIONSHIPS_CONTENT_TYPE,
    digest: sha256(
      serializeRelationships(relationships.get(origin) ?? [], originRelationshipsPart),
    ),
  });
  rawReferences.sort((a, b) => compareText(a.partName, b.partName));

  const xml = buildSignatureXml({
    references,
    rawReferences,
    signingTime: options.now ?? new Date(),
    certificates: [identity.certificate, ...identity.chain],
    privateKey: identity.privateKey,
  });
  parts.push({
    name: signaturePart,
    contentType: DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
    data: new TextEncoder().encode(xml),
  });
  return {
    package: { parts, relationships },
    signaturePart,
    countersigned,
    signatureCount: layout.signatures.length + 1,
  };
}

/** Options of {@link packPqx} and {@link signPqx}. */
export interface PackOptions extends SignOptions, ReadZipOptions, WriteZipOptions {}

/**
 * Packs the files of a `.mez` into a `.pqx`, like `MakePQX pack`: unsigned without an identity
 * (as `pqxFromMez`), signed with one (see {@link signOpcPackage}).
 *
 * @throws `ZipError` or `OpcError` for a `.mez` that is refused, {@link SignerError} as
 * {@link signOpcPackage}.
 */
export async function packPqx(
  mez: Uint8Array,
  identity: SigningIdentity | undefined,
  options: PackOptions = {},
): Promise<Uint8Array> {
  const files = readZip(
    mez,
    options.limits === undefined ? {} : { limits: options.limits },
  ).entries;
  const unsigned = opcPackageFromMezFiles(files);
  const pkg =
    identity === undefined ? unsigned : signOpcPackage(unsigned, identity, options).package;
  return writeOpcPackage(pkg, options.date === undefined ? {} : { date: options.date });
}

/**
 * Signs (or countersigns, or with `replace` re-signs) a `.pqx`, like `MakePQX sign`.
 *
 * @throws `ZipError` or `OpcError` for a package that is refused, {@link SignerError} as
 * {@link signOpcPackage}.
 */
export async function signPqx(
  pqx: Uint8Array,
  identity: SigningIdentity,
  options: PackOptions = {},
): Promise<{ readonly bytes: Uint8Array; readonly result: SignResult }> {
  const pkg = readOpcPackage(pqx, options.limits === undefined ? {} : { limits: options.limits });
  const result = signOpcPackage(pkg, identity, options);
  const bytes = await writeOpcPackage(
    result.package,
    options.date === undefined ? {} : { date: options.date },
  );
  return { bytes, result };
}

/** The package without its signature infrastructure and the relationships to and from it. */
function withoutSignatures(
  pkg: OpcPackageInput,
  infrastructure: ReadonlySet<string>,
): OpcPackageInput {
  const relationships = new Map<string, readonly Relationship[]>();
  for (const [source, list] of pkg.relationships) {
    if (source !== PACKAGE_ROOT && infrastructure.has(partNameKey(source))) continue;
    const kept =
      source === PACKAGE_ROOT
        ? list.filter(
            (relationship) =>
              relationship.type.toLowerCase() !==
              DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE.toLowerCase(),
          )
        : list;
    if (kept.length > 0) relationships.set(source, kept);
  }
  return {
    parts: pkg.parts.filter((part) => !infrastructure.has(partNameKey(part.name))),
    relationships,
  };
}

function setRelationships(
  map: Map<string, readonly Relationship[]>,
  source: string,
  list: readonly Relationship[],
): void {
  const key = source === PACKAGE_ROOT ? PACKAGE_ROOT : partNameKey(source);
  for (const existing of map.keys()) {
    if ((existing === PACKAGE_ROOT ? PACKAGE_ROOT : partNameKey(existing)) === key)
      map.delete(existing);
  }
  map.set(source, list);
}

function canonicalXml(part: OpcPart): string {
  const text = decodeXml(part.data);
  const parsed = text === undefined ? undefined : parseXml(text);
  if (parsed === undefined || !parsed.ok) {
    throw new SignerError(
      'PQSDK_SIGN_BAD_PACKAGE',
      `the signature part ${part.name} is not well-formed XML`,
    );
  }
  return canonicalize(parsed.document);
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
