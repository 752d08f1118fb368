import { createHash, verify as verifySignatureValue } from 'node:crypto';
import {
  PACKAGE_ROOT,
  partNameKey,
  readOpcPackage,
  RELATIONSHIPS_CONTENT_TYPE,
  relationshipsPartNameFor,
  serializeRelationships,
  sourceOfRelationshipsPart,
  type OpcPackageInput,
  type OpcPart,
  type ReadZipOptions,
} from '@pqsdk/packager';
import { C14N_WITH_COMMENTS_ALGORITHM } from './algorithms.js';
import { canonicalize } from './c14n.js';
import { evaluateChain, type ChainElement, type TrustOptions } from './chain.js';
import { parseCertificate, type Certificate } from './certificate.js';
import { relationshipTransform, type RelationshipSelector } from './relationship-transform.js';
import { signatureLayout } from './signature-layout.js';
import { parseSignaturePart, type ManifestEntry, type ParsedSignature } from './signature-parse.js';
import { decodeXml, parseXml } from './xml.js';

/**
 * The status of a package's signatures, as `pqsdk verify` reports it in `SignatureStatus`. The
 * first six are the names of .NET's `VerifyResult` (what MakePQX reports); `UnsignedContent` is
 * pqsdk's own:
 *
 * - `Success`: every signature verifies, and together they cover every part and relationship;
 * - `NotSigned`: the package has no signature;
 * - `InvalidSignature`: a signature is malformed, its signature value does not verify, or a
 *   digest does not match (a part, a relationship or a content type changed);
 * - `CertificateRequired`: a signature holds no certificate;
 * - `InvalidCertificate`: a signature's certificate cannot be read or has no RSA key;
 * - `ReferenceNotFound`: a signed part is missing from the package;
 * - `UnsignedContent`: every signature verifies, but a part or relationship that no signature
 *   covers was added (OPC allows signing part of a package; pqsdk signs all of it and requires
 *   that all of it be signed).
 */
export type SignatureStatus =
  | 'Success'
  | 'NotSigned'
  | 'InvalidSignature'
  | 'CertificateRequired'
  | 'InvalidCertificate'
  | 'ReferenceNotFound'
  | 'UnsignedContent';

/** What {@link verifyOpcPackage} found about one signature part. */
export interface SignatureVerification {
  /** The XML signature part, such as `/package/services/digital-signature/xml-signature/….psdsxs`. */
  readonly partName: string;
  /** `Success` or why the signature fails (never `NotSigned` or `UnsignedContent`). */
  readonly status: SignatureStatus;
  /** One line on what failed; undefined on success. */
  readonly problem: string | undefined;
  /** The signing time the signature claims (not a trusted time stamp). */
  readonly signingTime: Date | undefined;
  /** The signing certificate, when one could be read. */
  readonly signer: Certificate | undefined;
  /** The signer's chain, signing certificate first; empty without a certificate. */
  readonly chain: readonly ChainElement[];
  /** The part names the signature covers (its manifest's part references). */
  readonly signedParts: readonly string[];
  /** The relationships the signature covers: the relationships part and what it selects. */
  readonly signedRelationships: readonly {
    readonly partName: string;
    readonly selectors: readonly RelationshipSelector[];
  }[];
}

/** What {@link verifyOpcPackage} found. */
export interface PackageVerification {
  /** The package's status: the first failing signature's, else coverage, else `Success`. */
  readonly status: SignatureStatus;
  /** One line on what failed; undefined on success. */
  readonly problem: string | undefined;
  /** Every signature, in the order of the origin's relationships. */
  readonly signatures: readonly SignatureVerification[];
  /**
   * True when the status is `Success` and every signer's chain is valid and trusted (each
   * signing certificate's status is `Success`).
   */
  readonly trusted: boolean;
}

/** Options of {@link verifyOpcPackage}: what to trust, and when. */
export type VerifyOptions = TrustOptions;

/** A package to verify: what `readOpcPackage` returns, or parts and relationships to sign. */
export type VerifiablePackage = OpcPackageInput & {
  readonly relationshipParts?: readonly OpcPart[];
};

/**
 * Verifies the signatures of an OPC package (a `.pqx` read by `readOpcPackage`), as .NET's
 * PackageDigitalSignatureManager does and more strictly:
 *
 * 1. finds the signature parts through the origin (see `signatureLayout`);
 * 2. for each: reads it (`parseSignaturePart`), takes its certificate (a certificate part it
 *    relates to, else the first `<X509Certificate>`), checks each `<SignedInfo>` reference's
 *    digest over the canonical form of the element it points to, and the RSA signature over
 *    the canonical `<SignedInfo>`; then every manifest reference: the part exists, its content
 *    type is the one signed (ordinal), and the digest of its bytes (C14N first if the reference
 *    says so; the relationship transform and C14N for relationships) matches;
 * 3. checks that every part other than the signature infrastructure, and every relationship of
 *    such parts and of the package, is covered by a signature;
 * 4. builds and checks each signer's certificate chain (see `evaluateChain`).
 *
 * It never throws for a bad signature: the result says what is wrong.
 *
 * @example
 * ```ts
 * const result = verifyOpcPackage(readOpcPackage(bytes), { trustedThumbprints: [thumbprint] });
 * if (result.status !== 'Success') console.error(result.problem);
 * ```
 */
export function verifyOpcPackage(
  pkg: VerifiablePackage,
  options: VerifyOptions = {},
): PackageVerification {
  const layout = signatureLayout(pkg);
  if (layout.signatures.length === 0) {
    return {
      status: layout.problems.length > 0 ? 'InvalidSignature' : 'NotSigned',
      problem: layout.problems[0] ?? 'the package has no signature',
      signatures: [],
      trusted: false,
    };
  }
  const index = indexParts(pkg);
  const originRelationships =
    layout.origin === undefined ? undefined : partNameKey(relationshipsPartNameFor(layout.origin));
  const signatures = layout.signatures.map((partName, position) =>
    verifySignature(index, partName, layout.certificates.get(partName) ?? [], options, {
      // A countersignature adds a relationship to the origin, so only the latest signature's
      // digest of the origin's relationships part can still match its bytes.
      skipRaw:
        position === layout.signatures.length - 1 || originRelationships === undefined
          ? undefined
          : originRelationships,
    }),
  );
  const failed = signatures.find((signature) => signature.status !== 'Success');
  let status: SignatureStatus = failed?.status ?? 'Success';
  let problem =
    failed === undefined ? undefined : `${failed.partName}: ${failed.problem ?? failed.status}`;
  if (failed === undefined && layout.problems.length > 0) {
    status = 'InvalidSignature';
    problem = layout.problems[0];
  }
  if (status === 'Success') {
    const uncovered = uncoveredContent(pkg, layout.infrastructure, signatures);
    if (uncovered !== undefined) {
      status = 'UnsignedContent';
      problem = uncovered;
    }
  }
  return {
    status,
    problem,
    signatures,
    trusted:
      status === 'Success' && signatures.every((signature) => signature.chain[0]?.valid === true),
  };
}

/**
 * Reads a `.pqx` through the safe reader and verifies it (see {@link verifyOpcPackage}).
 *
 * @throws `ZipError` or `OpcError` of `@pqsdk/packager` for an archive or package that is refused.
 */
export function verifyPqx(
  bytes: Uint8Array,
  options: VerifyOptions & ReadZipOptions = {},
): PackageVerification {
  return verifyOpcPackage(
    readOpcPackage(bytes, options.limits === undefined ? {} : { limits: options.limits }),
    options,
  );
}

class Failure extends Error {
  constructor(
    readonly status: SignatureStatus,
    message: string,
  ) {
    super(message);
  }
}

function verifySignature(
  index: PartIndex,
  partName: string,
  certificateParts: readonly string[],
  options: VerifyOptions,
  raw: { readonly skipRaw: string | undefined },
): SignatureVerification {
  const part = index.get(partNameKey(partName));
  let parsed: ParsedSignature | undefined;
  let signer: Certificate | undefined;
  let chain: ChainElement[] = [];
  try {
    if (part === undefined) throw new Failure('ReferenceNotFound', 'the signature part is missing');
    const read = parseSignaturePart(part.data);
    if (!read.ok)
      throw new Failure('InvalidSignature', `the signature is malformed: ${read.problem}`);
    parsed = read.signature;

    if (certificateParts.length > 0 && parsed.embeddedCertificates.length > 0) {
      throw new Failure(
        'InvalidSignature',
        'the signature both embeds its certificate and relates to a certificate part',
      );
    }
    const fromParts = certificateParts
      .map((name) => index.get(partNameKey(name))?.data)
      .filter((data) => data !== undefined);
    const encoded = [...fromParts, ...parsed.embeddedCertificates];
    const first = encoded[0];
    if (first === undefined) {
      throw new Failure('CertificateRequired', 'the signature holds no certificate');
    }
    try {
      signer = parseCertificate(first);
    } catch {
      throw new Failure('InvalidCertificate', "the signature's certificate cannot be read");
    }
    const pool = encoded.slice(1).flatMap((der) => {
      try {
        return [parseCertificate(der)];
      } catch {
        return [];
      }
    });
    chain = evaluateChain(signer, pool, options);
    if (signer.publicKey.asymmetricKeyType !== 'rsa') {
      throw new Failure('InvalidCertificate', "the signature's certificate has no RSA key");
    }

    checkSignedInfo(parsed, signer);
    for (const entry of parsed.manifest) checkManifestEntry(index, entry);
    for (const entry of parsed.rawManifest ?? []) {
      if (partNameKey(entry.partName) !== raw.skipRaw) checkManifestEntry(index, entry);
    }
    return result('Success', undefined);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return result(error.status, error.message);
  }

  function result(status: SignatureStatus, problem: string | undefined): SignatureVerification {
    return {
      partName,
      status,
      problem,
      signingTime: parsed?.signingTime,
      signer,
      chain,
      signedParts: (parsed?.manifest ?? [])
        .filter((entry) => entry.selectors === undefined)
        .map((entry) => entry.partName),
      signedRelationships: (parsed?.manifest ?? []).flatMap((entry) =>
        entry.selectors === undefined
          ? []
          : [{ partName: entry.partName, selectors: entry.selectors }],
      ),
    };
  }
}

function checkSignedInfo(signature: ParsedSignature, signer: Certificate): void {
  for (const reference of signature.references) {
    const element = signature.ids.get(reference.id);
    if (element === undefined) {
      throw new Failure(
        'InvalidSignature',
        `<SignedInfo> refers to #${reference.id}, which is not in the signature`,
      );
    }
    const digest = createHash(reference.digestAlgorithm)
      .update(canonicalize(element), 'utf8')
      .digest();
    if (!digest.equals(reference.digestValue)) {
      throw new Failure(
        'InvalidSignature',
        `the digest of #${reference.id} does not match: the signature was changed`,
      );
    }
  }
  const signedInfo = canonicalize(signature.signedInfo, {
    withComments: signature.canonicalizationMethod === C14N_WITH_COMMENTS_ALGORITHM,
  });
  let valid: boolean;
  try {
    valid = verifySignatureValue(
      signature.signatureHash,
      Buffer.from(signedInfo, 'utf8'),
      signer.publicKey,
      signature.signatureValue,
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new Failure(
      'InvalidSignature',
      `the signature value does not verify with the key of ${signer.subject} (thumbprint ${signer.thumbprint})`,
    );
  }
}

function checkManifestEntry(index: PartIndex, entry: ManifestEntry): void {
  let data: Uint8Array | string;
  if (entry.selectors !== undefined) {
    if (sourceOfRelationshipsPart(entry.partName) === undefined) {
      throw new Failure(
        'InvalidSignature',
        `${entry.partName} has a relationship transform but is not a relationships part`,
      );
    }
    // A missing relationships part is the empty set of relationships: the digest will not match.
    data = relationshipTransform(index.get(partNameKey(entry.partName))?.data, entry.selectors);
  } else {
    const part = index.get(partNameKey(entry.partName));
    if (part === undefined) {
      throw new Failure(
        'ReferenceNotFound',
        `the signed part ${entry.partName} is missing from the package`,
      );
    }
    if (part.contentType !== entry.contentType) {
      throw new Failure(
        'InvalidSignature',
        `the content type of ${entry.partName} is "${part.contentType}", but "${entry.contentType}" was signed`,
      );
    }
    data = part.data;
    if (entry.canonicalization.length > 0) {
      const text = decodeXml(part.data);
      const parsed = text === undefined ? undefined : parseXml(text);
      if (parsed === undefined || !parsed.ok) {
        throw new Failure(
          'InvalidSignature',
          `${entry.partName} is signed as XML but is not well-formed XML`,
        );
      }
      data = canonicalize(parsed.document, {
        withComments: entry.canonicalization[0] === C14N_WITH_COMMENTS_ALGORITHM,
      });
    }
  }
  const digest = createHash(entry.digestAlgorithm).update(data).digest();
  if (!digest.equals(entry.digestValue)) {
    throw new Failure(
      'InvalidSignature',
      entry.selectors === undefined
        ? `the digest of ${entry.partName} does not match: the part was changed`
        : `the digest of the relationships in ${entry.partName} does not match: relationships were changed`,
    );
  }
}

function uncoveredContent(
  pkg: VerifiablePackage,
  infrastructure: ReadonlySet<string>,
  signatures: readonly SignatureVerification[],
): string | undefined {
  const signedParts = new Set(
    signatures.flatMap((signature) => signature.signedParts.map(partNameKey)),
  );
  for (const part of pkg.parts) {
    const key = partNameKey(part.name);
    if (!infrastructure.has(key) && !signedParts.has(key)) {
      return `the part ${part.name} is not covered by any signature`;
    }
  }
  const selected = new Map<string, RelationshipSelector[]>();
  for (const signature of signatures) {
    for (const { partName, selectors } of signature.signedRelationships) {
      const key = partNameKey(partName);
      selected.set(key, [...(selected.get(key) ?? []), ...selectors]);
    }
  }
  for (const [source, relationships] of pkg.relationships) {
    if (source !== PACKAGE_ROOT && infrastructure.has(partNameKey(source))) continue;
    const key = partNameKey(relationshipsPartNameFor(source));
    const selectors = selected.get(key) ?? [];
    for (const relationship of relationships) {
      const covered = selectors.some((selector) =>
        selector.kind === 'id'
          ? selector.value === relationship.id
          : selector.value === relationship.type,
      );
      if (!covered) {
        return `the relationship ${relationship.id} of ${source === PACKAGE_ROOT ? 'the package' : source} is not covered by any signature`;
      }
    }
  }
  return undefined;
}

/** Every part of the package, relationships parts included, by `partNameKey`. */
type PartIndex = ReadonlyMap<string, OpcPart>;

/** Indexes the parts; relationships parts as stored, or made from the relationships when not given. */
function indexParts(pkg: VerifiablePackage): PartIndex {
  const parts = new Map<string, OpcPart>();
  if (pkg.relationshipParts !== undefined) {
    for (const part of pkg.relationshipParts) parts.set(partNameKey(part.name), part);
  } else {
    for (const [source, relationships] of pkg.relationships) {
      if (relationships.length === 0) continue;
      const name = relationshipsPartNameFor(source);
      parts.set(partNameKey(name), {
        name,
        contentType: RELATIONSHIPS_CONTENT_TYPE,
        data: new TextEncoder().encode(serializeRelationships(relationships, name)),
      });
    }
  }
  for (const part of pkg.parts) parts.set(partNameKey(part.name), part);
  return parts;
}
