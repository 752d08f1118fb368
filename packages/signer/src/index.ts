/**
 * `@pqsdk/signer`: Open Packaging Conventions digital signatures for `.pqx` connector packages,
 * as MakePQX makes them with .NET's PackageDigitalSignatureManager: sign, countersign, verify,
 * certificate chains and trust, PKCS#12 and PEM identities, and development certificates. Its
 * Canonical XML and OPC relationship transform are its own, over `@xmldom/xmldom`.
 *
 * @packageDocumentation
 */

// Errors
export type { SignerErrorCode, SignerErrorOptions } from './errors.js';
export { SignerError } from './errors.js';

// Algorithms and names
export {
  C14N_ALGORITHM,
  C14N_WITH_COMMENTS_ALGORITHM,
  DIGEST_ALGORITHMS,
  isCanonicalizationAlgorithm,
  OBJECT_REFERENCE_TYPE,
  OPC_SIGNATURE_NAMESPACE,
  OPC_SIGNATURE_PREFIX,
  PACKAGE_OBJECT_ID,
  RELATIONSHIP_TRANSFORM_ALGORITHM,
  RSA_SHA256_ALGORITHM,
  SHA256_ALGORITHM,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_ID,
  SIGNATURE_TIME_FORMAT,
  SIGNATURE_TIME_PROPERTY_ID,
  XMLDSIG_NAMESPACE,
} from './algorithms.js';

// XML: Canonical XML 1.0 and the OPC relationship transform
export type { XmlParseResult } from './xml.js';
export { parseXml } from './xml.js';
export type { CanonicalizeOptions } from './c14n.js';
export { canonicalize } from './c14n.js';
export type { RelationshipSelector } from './relationship-transform.js';
export { relationshipTransform } from './relationship-transform.js';

// Certificates, identities, trust
export type { DistinguishedName, NameAttribute } from './distinguished-name.js';
export { formatDistinguishedName, parseDistinguishedName } from './distinguished-name.js';
export type { Certificate, KeyUsage } from './certificate.js';
export {
  ANY_EXTENDED_KEY_USAGE,
  certificatesFromPem,
  certificateToPem,
  CODE_SIGNING_USAGE,
  parseCertificate,
  thumbprintOf,
} from './certificate.js';
export type { SigningIdentity, SigningIdentityInput } from './signing-identity.js';
export { readSigningIdentity } from './signing-identity.js';
export type { DevelopmentCertificate, DevelopmentCertificateOptions } from './new-certificate.js';
export { createDevelopmentCertificate } from './new-certificate.js';
export type { CertificateStatus, ChainElement, TrustOptions } from './chain.js';
export { evaluateChain, parseThumbprints } from './chain.js';

// Signing and verifying
export type { SignatureLayout } from './signature-layout.js';
export { signatureLayout } from './signature-layout.js';
export { formatSigningTime, parseSigningTime } from './signing-time.js';
export type { ManifestReferenceInput, SignatureXmlInput } from './signature-xml.js';
export { buildSignatureXml } from './signature-xml.js';
export type {
  ManifestEntry,
  ParsedSignature,
  SignatureParseResult,
  SignedInfoReference,
} from './signature-parse.js';
export { parseSignaturePart } from './signature-parse.js';
export type { PackOptions, SignOptions, SignResult } from './sign.js';
export { packPqx, signOpcPackage, signPqx } from './sign.js';
export type {
  PackageVerification,
  SignatureStatus,
  SignatureVerification,
  VerifiablePackage,
  VerifyOptions,
} from './verify.js';
export { verifyOpcPackage, verifyPqx } from './verify.js';
export type {
  MakePqxCertificateStatus,
  MakePqxVerifyReport,
  VerifyReportDetails,
} from './verify-report.js';
export { makePqxVerifyReport, signatureVerifier, verifyReportDetails } from './verify-report.js';
