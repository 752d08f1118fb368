/**
 * The algorithm identifiers and names of XML Signature (W3C XML-DSig 1.0), and those ECMA-376
 * Part 2 §13 adds for Open Packaging Conventions signatures.
 */

/** The XML Signature namespace. */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/** The namespace of the OPC digital signature elements (`SignatureTime`, `RelationshipReference`). */
export const OPC_SIGNATURE_NAMESPACE =
  'http://schemas.openxmlformats.org/package/2006/digital-signature';

/** The prefix pqsdk writes for {@link OPC_SIGNATURE_NAMESPACE}, as ECMA-376's examples do. */
export const OPC_SIGNATURE_PREFIX = 'mdssi';

/** Canonical XML 1.0 without comments (inclusive). */
export const C14N_ALGORITHM = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

/** Canonical XML 1.0 with comments (inclusive); accepted when verifying. */
export const C14N_WITH_COMMENTS_ALGORITHM =
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments';

/** The OPC relationship transform (ECMA-376 Part 2, §13.2.4.24). */
export const RELATIONSHIP_TRANSFORM_ALGORITHM =
  'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';

/** SHA-256, the digest pqsdk signs with. */
export const SHA256_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** RSA PKCS#1 v1.5 with SHA-256, the signature method pqsdk signs with. */
export const RSA_SHA256_ALGORITHM = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/** The `Type` of the reference from `SignedInfo` to the package object. */
export const OBJECT_REFERENCE_TYPE = 'http://www.w3.org/2000/09/xmldsig#Object';

/** The `Id` of the package-specific `<Object>` (ECMA-376 Part 2 and .NET use this value). */
export const PACKAGE_OBJECT_ID = 'idPackageObject';

/**
 * The `Id` of pqsdk's own `<Object>`: a `<Manifest>` of the relationships parts' exact bytes,
 * which the OPC relationship transform does not cover (it ignores white space and order).
 */
export const PQSDK_OBJECT_ID = 'idPqsdkObject';

/** The `Id` pqsdk gives `<KeyInfo>`, so that `<SignedInfo>` signs the embedded certificates too. */
export const KEY_INFO_ID = 'idKeyInfo';

/** The `Id` pqsdk gives `<Signature>`; the `SignatureTime` property targets it. */
export const SIGNATURE_ID = 'SignatureIdValue';

/** The `Id` of the `<SignatureProperty>` that holds the signing time. */
export const SIGNATURE_TIME_PROPERTY_ID = 'idSignatureTime';

/** The signing-time format pqsdk writes: date, time to a tenth of a second, and zone. */
export const SIGNATURE_TIME_FORMAT = 'YYYY-MM-DDThh:mm:ss.sTZD';

/** Digest algorithms accepted when verifying, by URI, with their `node:crypto` names. */
export const DIGEST_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2000/09/xmldsig#sha1', 'sha1'],
  [SHA256_ALGORITHM, 'sha256'],
  ['http://www.w3.org/2001/04/xmldsig-more#sha384', 'sha384'],
  ['http://www.w3.org/2001/04/xmlenc#sha512', 'sha512'],
]);

/** RSA signature methods accepted when verifying, by URI, with their digest's `node:crypto` name. */
export const SIGNATURE_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'sha1'],
  [RSA_SHA256_ALGORITHM, 'sha256'],
  ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha384', 'sha384'],
  ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', 'sha512'],
]);

/** The canonicalization methods and transforms OPC allows (§13.2.4.23): C14N 1.0, with or without comments. */
export function isCanonicalizationAlgorithm(uri: string): boolean {
  return uri === C14N_ALGORITHM || uri === C14N_WITH_COMMENTS_ALGORITHM;
}
