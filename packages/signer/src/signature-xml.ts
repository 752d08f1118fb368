import { createHash, sign as rsaSign, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import {
  C14N_ALGORITHM,
  OBJECT_REFERENCE_TYPE,
  OPC_SIGNATURE_NAMESPACE,
  OPC_SIGNATURE_PREFIX,
  KEY_INFO_ID,
  PACKAGE_OBJECT_ID,
  PQSDK_OBJECT_ID,
  RELATIONSHIP_TRANSFORM_ALGORITHM,
  RSA_SHA256_ALGORITHM,
  SHA256_ALGORITHM,
  SIGNATURE_ID,
  SIGNATURE_TIME_FORMAT,
  SIGNATURE_TIME_PROPERTY_ID,
  XMLDSIG_NAMESPACE,
} from './algorithms.js';
import { canonicalize } from './c14n.js';
import type { Certificate } from './certificate.js';
import { formatSigningTime } from './signing-time.js';
import {
  childElements,
  isElement,
  parseXml,
  XML_DECLARATION,
  xmlElement,
  type XmlMarkup,
} from './xml.js';

/** One `<Reference>` of the manifest, ready to be written. */
export interface ManifestReferenceInput {
  /** The part name, such as `/HelloWorld.pq` (a relationships part for relationships). */
  readonly partName: string;
  /** The part's content type, written after `?ContentType=` in the URI. */
  readonly contentType: string;
  /**
   * For a relationships part: the `Id`s of the relationships signed (the relationship transform,
   * then C14N). Undefined for another part.
   */
  readonly relationshipIds?: readonly string[];
  /** For an XML part digested in canonical form (signature parts): C14N. */
  readonly canonicalize?: boolean;
  /** The SHA-256 digest of the (transformed) part, base64. */
  readonly digest: string;
}

/** A part signed byte for byte in pqsdk's own object (relationships parts). */
export interface RawReferenceInput {
  readonly partName: string;
  readonly contentType: string;
  /** The SHA-256 digest of the part's bytes, base64. */
  readonly digest: string;
}

/** What {@link buildSignatureXml} signs. */
export interface SignatureXmlInput {
  /** The references of the package object's manifest (the OPC signature proper). */
  readonly references: readonly ManifestReferenceInput[];
  /** The references of pqsdk's object: relationships parts, byte for byte. None: no object. */
  readonly rawReferences?: readonly RawReferenceInput[];
  readonly signingTime: Date;
  /** The signing certificate first, then any others to embed (intermediates). */
  readonly certificates: readonly Certificate[];
  readonly privateKey: KeyObject;
}

/**
 * Writes the XML signature part of an OPC signature (ECMA-376 Part 2 §13.2.4), as .NET's
 * PackageDigitalSignatureManager lays it out with SHA-256 and the certificate embedded, plus two
 * additions of pqsdk that .NET's verifier accepts (it checks every `<SignedInfo>` reference and
 * ignores objects other than the package object):
 *
 * ```xml
 * <Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="SignatureIdValue">
 *   <SignedInfo>  C14N, RSA-SHA256, References to #idPackageObject and #idPqsdkObject
 *                 (Type …#Object) and to #idKeyInfo
 *   <SignatureValue>
 *   <KeyInfo Id="idKeyInfo"><X509Data><X509Certificate>… (signing certificate first)
 *   <Object Id="idPackageObject">
 *     <Manifest>  one Reference per part, then per relationships part
 *     <SignatureProperties>  the signing time (idSignatureTime)
 *   <Object Id="idPqsdkObject"><Manifest>  the relationships parts' exact bytes
 * ```
 *
 * It is written without white space between elements, empty elements self-closed. The digest
 * of the `<Object>` and the signature over `<SignedInfo>` are computed on the canonical form
 * (C14N 1.0) of the elements as they are parsed back from the text written, in context (the
 * default namespace inherited from `<Signature>`), exactly as a verifier sees them.
 *
 * @returns the part's text, starting with the XML declaration.
 */
export function buildSignatureXml(input: SignatureXmlInput): string {
  const manifest = xmlElement(
    'Manifest',
    {},
    ...input.references.map((reference) => manifestReference(reference)),
  );
  const properties = xmlElement(
    'SignatureProperties',
    {},
    xmlElement(
      'SignatureProperty',
      { Id: SIGNATURE_TIME_PROPERTY_ID, Target: `#${SIGNATURE_ID}` },
      xmlElement(
        `${OPC_SIGNATURE_PREFIX}:SignatureTime`,
        { [`xmlns:${OPC_SIGNATURE_PREFIX}`]: OPC_SIGNATURE_NAMESPACE },
        xmlElement(`${OPC_SIGNATURE_PREFIX}:Format`, {}, SIGNATURE_TIME_FORMAT),
        xmlElement(`${OPC_SIGNATURE_PREFIX}:Value`, {}, formatSigningTime(input.signingTime)),
      ),
    ),
  );
  const object = xmlElement('Object', { Id: PACKAGE_OBJECT_ID }, manifest, properties);
  const raw = input.rawReferences ?? [];
  const pqsdkObject =
    raw.length === 0
      ? undefined
      : xmlElement(
          'Object',
          { Id: PQSDK_OBJECT_ID },
          xmlElement(
            'Manifest',
            {},
            ...raw.map((reference) =>
              xmlElement(
                'Reference',
                { URI: `${reference.partName}?ContentType=${reference.contentType}` },
                xmlElement('DigestMethod', { Algorithm: SHA256_ALGORITHM }),
                xmlElement('DigestValue', {}, reference.digest),
              ),
            ),
          ),
        );
  const keyInfo = xmlElement(
    'KeyInfo',
    { Id: KEY_INFO_ID },
    xmlElement(
      'X509Data',
      {},
      ...input.certificates.map((certificate) =>
        xmlElement('X509Certificate', {}, Buffer.from(certificate.der).toString('base64')),
      ),
    ),
  );
  const objectReference = (markup: XmlMarkup, name: string, id: string, type?: string): XmlMarkup =>
    xmlElement(
      'Reference',
      { URI: `#${id}`, Type: type },
      xmlElement('DigestMethod', { Algorithm: SHA256_ALGORITHM }),
      xmlElement('DigestValue', {}, sha256(canonicalize(elementIn(markup, name)))),
    );

  const signedInfo = xmlElement(
    'SignedInfo',
    {},
    xmlElement('CanonicalizationMethod', { Algorithm: C14N_ALGORITHM }),
    xmlElement('SignatureMethod', { Algorithm: RSA_SHA256_ALGORITHM }),
    objectReference(object, 'Object', PACKAGE_OBJECT_ID, OBJECT_REFERENCE_TYPE),
    ...(pqsdkObject === undefined
      ? []
      : [objectReference(pqsdkObject, 'Object', PQSDK_OBJECT_ID, OBJECT_REFERENCE_TYPE)]),
    objectReference(keyInfo, 'KeyInfo', KEY_INFO_ID),
  );
  const signatureValue = rsaSign(
    'sha256',
    Buffer.from(canonicalize(elementIn(signedInfo, 'SignedInfo')), 'utf8'),
    input.privateKey,
  ).toString('base64');
  return `${XML_DECLARATION}${
    xmlElement(
      'Signature',
      { xmlns: XMLDSIG_NAMESPACE, Id: SIGNATURE_ID },
      signedInfo,
      xmlElement('SignatureValue', {}, signatureValue),
      keyInfo,
      object,
      ...(pqsdkObject === undefined ? [] : [pqsdkObject]),
    ).markup
  }`;
}

function manifestReference(reference: ManifestReferenceInput): XmlMarkup {
  const transforms: XmlMarkup[] = [];
  if (reference.relationshipIds !== undefined) {
    transforms.push(
      xmlElement(
        'Transform',
        { Algorithm: RELATIONSHIP_TRANSFORM_ALGORITHM },
        ...reference.relationshipIds.map((id) =>
          xmlElement(`${OPC_SIGNATURE_PREFIX}:RelationshipReference`, {
            [`xmlns:${OPC_SIGNATURE_PREFIX}`]: OPC_SIGNATURE_NAMESPACE,
            SourceId: id,
          }),
        ),
      ),
    );
  }
  if (reference.relationshipIds !== undefined || reference.canonicalize === true) {
    transforms.push(xmlElement('Transform', { Algorithm: C14N_ALGORITHM }));
  }
  return xmlElement(
    'Reference',
    { URI: `${reference.partName}?ContentType=${reference.contentType}` },
    ...(transforms.length === 0 ? [] : [xmlElement('Transforms', {}, ...transforms)]),
    xmlElement('DigestMethod', { Algorithm: SHA256_ALGORITHM }),
    xmlElement('DigestValue', {}, reference.digest),
  );
}

/** The element `name` of `markup`, parsed inside `<Signature>` so it has the namespace context it will have. */
function elementIn(markup: XmlMarkup, name: string): Element {
  const parsed = parseXml(
    xmlElement('Signature', { xmlns: XMLDSIG_NAMESPACE, Id: SIGNATURE_ID }, markup).markup,
  );
  if (!parsed.ok)
    throw new Error(`the signature XML pqsdk wrote does not parse: ${parsed.message}`);
  const element = childElements(parsed.document.documentElement as Element)[0];
  if (element === undefined || !isElement(element, XMLDSIG_NAMESPACE, name)) {
    throw new Error(`the signature XML pqsdk wrote has no <${name}>`);
  }
  return element;
}

/** The SHA-256 digest of a text's UTF-8 bytes (or of bytes), base64. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64');
}
