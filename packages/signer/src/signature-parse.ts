import { withoutByteOrderMark } from '@pqsdk/packager';
import type { Document, Element } from '@xmldom/xmldom';
import {
  DIGEST_ALGORITHMS,
  isCanonicalizationAlgorithm,
  OPC_SIGNATURE_NAMESPACE,
  PACKAGE_OBJECT_ID,
  PQSDK_OBJECT_ID,
  RELATIONSHIP_TRANSFORM_ALGORITHM,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_TIME_PROPERTY_ID,
  XMLDSIG_NAMESPACE,
} from './algorithms.js';
import type { RelationshipSelector } from './relationship-transform.js';
import { parseSigningTime } from './signing-time.js';
import {
  attributeOf,
  childElements,
  decodeXml,
  ELEMENT_NODE,
  isElement,
  parseXml,
  plainAttributeCount,
  PROCESSING_INSTRUCTION_NODE,
  textContent,
} from './xml.js';

/** A `<Reference>` of `<SignedInfo>`: a same-document reference such as `#idPackageObject`. */
export interface SignedInfoReference {
  /** The `Id` it points to, without the `#`. */
  readonly id: string;
  /** Its transforms, all canonicalization methods. */
  readonly transforms: readonly string[];
  /** The `node:crypto` name of its digest algorithm. */
  readonly digestAlgorithm: string;
  readonly digestValue: Buffer;
}

/** A `<Reference>` of the package object's `<Manifest>`: a part, or relationships of a source. */
export interface ManifestEntry {
  /** The part name from the URI, before `?ContentType=`. */
  readonly partName: string;
  /** The content type from the URI. */
  readonly contentType: string;
  /** The relationship transform's selectors; undefined when the reference has no such transform. */
  readonly selectors: readonly RelationshipSelector[] | undefined;
  /** The canonicalization transforms (after the relationship transform, if any). */
  readonly canonicalization: readonly string[];
  /** The `node:crypto` name of its digest algorithm. */
  readonly digestAlgorithm: string;
  readonly digestValue: Buffer;
}

/** An XML signature part, read and checked against ECMA-376 Part 2 §13.2.4 by {@link parseSignaturePart}. */
export interface ParsedSignature {
  readonly document: Document;
  /** The `Id` of `<Signature>`, if it has one. */
  readonly signatureId: string | undefined;
  readonly signedInfo: Element;
  /** The canonicalization method of `<SignedInfo>`. */
  readonly canonicalizationMethod: string;
  /** The `node:crypto` digest name of the RSA signature method. */
  readonly signatureHash: string;
  readonly references: readonly SignedInfoReference[];
  readonly signatureValue: Buffer;
  /** The `<X509Certificate>` values of `<KeyInfo>`, decoded, in order. */
  readonly embeddedCertificates: readonly Uint8Array[];
  /** The elements with an `Id` attribute, by `Id`. */
  readonly ids: ReadonlyMap<string, Element>;
  readonly manifest: readonly ManifestEntry[];
  /**
   * The entries of pqsdk's object (`#idPqsdkObject`): parts signed byte for byte, without
   * transforms. Undefined when `<SignedInfo>` does not refer to such an object (MakePQX).
   */
  readonly rawManifest: readonly ManifestEntry[] | undefined;
  readonly signingTime: Date;
}

/** What {@link parseSignaturePart} returns: the signature, or why it is malformed. */
export type SignatureParseResult =
  | { readonly ok: true; readonly signature: ParsedSignature }
  | { readonly ok: false; readonly problem: string };

class Malformed extends Error {}

/**
 * Reads an XML signature part and checks its shape as OPC requires (and as .NET's reader does):
 * one `<Signature>` root in the XML-DSig namespace; `<SignedInfo>` with a C14N canonicalization
 * method, an RSA signature method (SHA-1 or SHA-2) and only same-document references (`#id`),
 * exactly one of them to `#idPackageObject`; unique `Id`s; the package `<Object>` a child of
 * `<Signature>` holding exactly a `<Manifest>` and a `<SignatureProperties>`; manifest references
 * `partName?ContentType=type` with known digests, C14N transforms, and at most one relationship
 * transform, followed by C14N; a signing time property that targets the signature.
 */
export function parseSignaturePart(data: Uint8Array): SignatureParseResult {
  try {
    return { ok: true, signature: parseSignature(data) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: error.message };
    throw error;
  }
}

function parseSignature(data: Uint8Array): ParsedSignature {
  const text = decodeXml(data);
  if (text === undefined) throw new Malformed('it is not UTF-8 or UTF-16 text');
  checkLexicalForm(text);
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Malformed(parsed.message);
  const document = parsed.document;
  for (let node = document.firstChild; node !== null; node = node.nextSibling) {
    const declaration = node.nodeType === PROCESSING_INSTRUCTION_NODE && node.nodeName === 'xml';
    if (node.nodeType !== ELEMENT_NODE && !declaration) {
      throw new Malformed('only the <Signature> element may be at the top level');
    }
  }
  const root = document.documentElement as Element;
  if (!isElement(root, XMLDSIG_NAMESPACE, 'Signature')) {
    throw new Malformed(
      `the root element is <${root.nodeName}>, not <Signature xmlns="${XMLDSIG_NAMESPACE}">`,
    );
  }
  const signatureId = attributeOf(root, 'Id');
  const ids = collectIds(root);

  const parts = childElements(root);
  const [signedInfo, signatureValueElement] = parts;
  if (signedInfo === undefined || !isElement(signedInfo, XMLDSIG_NAMESPACE, 'SignedInfo')) {
    throw new Malformed('<SignedInfo> must be the first child of <Signature>');
  }
  if (
    signatureValueElement === undefined ||
    !isElement(signatureValueElement, XMLDSIG_NAMESPACE, 'SignatureValue')
  ) {
    throw new Malformed('<SignatureValue> must follow <SignedInfo>');
  }
  const info = readSignedInfo(signedInfo);

  const keyInfo = parts
    .slice(2)
    .find((element) => isElement(element, XMLDSIG_NAMESPACE, 'KeyInfo'));
  const embeddedCertificates: Uint8Array[] = [];
  for (const x509Data of keyInfo === undefined ? [] : childElements(keyInfo)) {
    if (!isElement(x509Data, XMLDSIG_NAMESPACE, 'X509Data')) continue;
    for (const item of childElements(x509Data)) {
      if (isElement(item, XMLDSIG_NAMESPACE, 'X509Certificate')) {
        embeddedCertificates.push(base64(textContent(item), '<X509Certificate>'));
      }
    }
  }

  const packageObject = ids.get(PACKAGE_OBJECT_ID);
  if (
    packageObject === undefined ||
    packageObject.parentNode !== root ||
    !isElement(packageObject, XMLDSIG_NAMESPACE, 'Object')
  ) {
    throw new Malformed(`there is no <Object Id="${PACKAGE_OBJECT_ID}"> in <Signature>`);
  }
  const objectChildren = childElements(packageObject);
  const manifestElement = objectChildren.find((element) =>
    isElement(element, XMLDSIG_NAMESPACE, 'Manifest'),
  );
  const propertiesElement = objectChildren.find((element) =>
    isElement(element, XMLDSIG_NAMESPACE, 'SignatureProperties'),
  );
  if (
    objectChildren.length !== 2 ||
    manifestElement === undefined ||
    propertiesElement === undefined
  ) {
    throw new Malformed(
      'the package <Object> must hold exactly a <Manifest> and a <SignatureProperties>',
    );
  }

  let rawManifest: ManifestEntry[] | undefined;
  if (info.references.some((reference) => reference.id === PQSDK_OBJECT_ID)) {
    const pqsdkObject = ids.get(PQSDK_OBJECT_ID);
    const [only, ...others] = pqsdkObject === undefined ? [] : childElements(pqsdkObject);
    if (
      pqsdkObject?.parentNode !== root ||
      !isElement(pqsdkObject, XMLDSIG_NAMESPACE, 'Object') ||
      only === undefined ||
      others.length > 0 ||
      !isElement(only, XMLDSIG_NAMESPACE, 'Manifest')
    ) {
      throw new Malformed(
        `<Object Id="${PQSDK_OBJECT_ID}"> must be in <Signature> and hold one <Manifest>`,
      );
    }
    rawManifest = readManifest(only);
    if (
      rawManifest.some(
        (entry) => entry.selectors !== undefined || entry.canonicalization.length > 0,
      )
    ) {
      throw new Malformed(
        `the references of <Object Id="${PQSDK_OBJECT_ID}"> cannot have transforms`,
      );
    }
  }

  return {
    document,
    signatureId,
    signedInfo,
    ...info,
    rawManifest,
    signatureValue: base64(textContent(signatureValueElement), '<SignatureValue>'),
    embeddedCertificates,
    ids,
    manifest: readManifest(manifestElement),
    signingTime: readSigningTime(propertiesElement, signatureId),
  };
}

function readSignedInfo(
  signedInfo: Element,
): Pick<ParsedSignature, 'canonicalizationMethod' | 'signatureHash' | 'references'> {
  const [method, signatureMethod, ...referenceElements] = childElements(signedInfo);
  if (method === undefined || !isElement(method, XMLDSIG_NAMESPACE, 'CanonicalizationMethod')) {
    throw new Malformed('<SignedInfo> must start with <CanonicalizationMethod>');
  }
  const canonicalizationMethod = attributeOf(method, 'Algorithm') ?? '';
  if (!isCanonicalizationAlgorithm(canonicalizationMethod)) {
    throw new Malformed(
      `the canonicalization method "${canonicalizationMethod}" is not C14N 1.0, which OPC requires`,
    );
  }
  if (
    signatureMethod === undefined ||
    !isElement(signatureMethod, XMLDSIG_NAMESPACE, 'SignatureMethod')
  ) {
    throw new Malformed('<SignatureMethod> must follow <CanonicalizationMethod>');
  }
  const signatureAlgorithm = attributeOf(signatureMethod, 'Algorithm') ?? '';
  const signatureHash = SIGNATURE_ALGORITHMS.get(signatureAlgorithm);
  if (signatureHash === undefined) {
    throw new Malformed(
      `the signature method "${signatureAlgorithm}" is not supported (RSA with SHA-1 or SHA-2)`,
    );
  }
  const references: SignedInfoReference[] = [];
  for (const element of referenceElements) {
    if (!isElement(element, XMLDSIG_NAMESPACE, 'Reference')) {
      throw new Malformed(`unexpected <${element.nodeName}> in <SignedInfo>`);
    }
    const uri = attributeOf(element, 'URI') ?? '';
    if (!uri.startsWith('#') || uri.length === 1) {
      throw new Malformed(
        `the <SignedInfo> reference "${uri}" is not a same-document reference (#id), as OPC requires`,
      );
    }
    const { transforms, digestAlgorithm, digestValue } = readReferenceBody(element, false);
    references.push({
      id: uri.slice(1),
      transforms: transforms.map((transform) => transform.algorithm),
      digestAlgorithm,
      digestValue,
    });
  }
  if (references.filter((reference) => reference.id === PACKAGE_OBJECT_ID).length !== 1) {
    throw new Malformed(`<SignedInfo> must hold exactly one reference to #${PACKAGE_OBJECT_ID}`);
  }
  return { canonicalizationMethod, signatureHash, references };
}

interface TransformRead {
  readonly algorithm: string;
  readonly selectors: readonly RelationshipSelector[] | undefined;
}

function readReferenceBody(
  reference: Element,
  allowRelationshipTransform: boolean,
): { transforms: TransformRead[]; digestAlgorithm: string; digestValue: Buffer } {
  let transforms: TransformRead[] | undefined;
  let digestAlgorithm: string | undefined;
  let digestValue: Buffer | undefined;
  for (const element of childElements(reference)) {
    if (element.namespaceURI !== XMLDSIG_NAMESPACE) {
      throw new Malformed(`unexpected <${element.nodeName}> in <Reference>`);
    }
    if (
      element.localName === 'Transforms' &&
      transforms === undefined &&
      digestAlgorithm === undefined
    ) {
      transforms = childElements(element).map((transform) =>
        readTransform(transform, allowRelationshipTransform),
      );
    } else if (element.localName === 'DigestMethod' && digestAlgorithm === undefined) {
      const uri = attributeOf(element, 'Algorithm') ?? '';
      digestAlgorithm = DIGEST_ALGORITHMS.get(uri);
      if (digestAlgorithm === undefined) {
        throw new Malformed(`the digest method "${uri}" is not supported (SHA-1 or SHA-2)`);
      }
    } else if (
      element.localName === 'DigestValue' &&
      digestAlgorithm !== undefined &&
      digestValue === undefined
    ) {
      digestValue = base64(textContent(element), '<DigestValue>');
    } else {
      throw new Malformed(`unexpected <${element.nodeName}> in <Reference>`);
    }
  }
  if (digestAlgorithm === undefined || digestValue === undefined) {
    throw new Malformed('a <Reference> lacks its <DigestMethod> or <DigestValue>');
  }
  return { transforms: transforms ?? [], digestAlgorithm, digestValue };
}

function readTransform(transform: Element, allowRelationshipTransform: boolean): TransformRead {
  if (!isElement(transform, XMLDSIG_NAMESPACE, 'Transform')) {
    throw new Malformed(`unexpected <${transform.nodeName}> in <Transforms>`);
  }
  const algorithm = attributeOf(transform, 'Algorithm') ?? '';
  if (isCanonicalizationAlgorithm(algorithm)) {
    if (childElements(transform).length > 0)
      throw new Malformed('a C14N <Transform> cannot have children');
    return { algorithm, selectors: undefined };
  }
  if (algorithm !== RELATIONSHIP_TRANSFORM_ALGORITHM || !allowRelationshipTransform) {
    throw new Malformed(
      `the transform "${algorithm}" is not allowed here; OPC allows C14N and the relationship transform`,
    );
  }
  const selectors: RelationshipSelector[] = [];
  for (const element of childElements(transform)) {
    const single = plainAttributeCount(element) === 1 && childElements(element).length === 0;
    const sourceId = attributeOf(element, 'SourceId');
    const sourceType = attributeOf(element, 'SourceType');
    if (
      single &&
      isElement(element, OPC_SIGNATURE_NAMESPACE, 'RelationshipReference') &&
      sourceId !== undefined &&
      sourceId !== ''
    ) {
      selectors.push({ kind: 'id', value: sourceId });
    } else if (
      single &&
      isElement(element, OPC_SIGNATURE_NAMESPACE, 'RelationshipsGroupReference') &&
      sourceType !== undefined &&
      sourceType !== ''
    ) {
      selectors.push({ kind: 'type', value: sourceType });
    } else {
      throw new Malformed(`unexpected <${element.nodeName}> in the relationship transform`);
    }
  }
  return { algorithm, selectors };
}

function readManifest(manifest: Element): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const element of childElements(manifest)) {
    if (!isElement(element, XMLDSIG_NAMESPACE, 'Reference')) {
      throw new Malformed(`unexpected <${element.nodeName}> in <Manifest>`);
    }
    const uri = attributeOf(element, 'URI') ?? '';
    const query = uri.indexOf('?');
    const contentType =
      query > 0 && uri.startsWith('?ContentType=', query) ? uri.slice(query + 13) : '';
    if (contentType === '' || !uri.startsWith('/')) {
      throw new Malformed(`the manifest reference "${uri}" is not "/part?ContentType=type"`);
    }
    const { transforms, digestAlgorithm, digestValue } = readReferenceBody(element, true);
    const relationship = transforms.findIndex((transform) => transform.selectors !== undefined);
    if (relationship !== -1) {
      if (
        transforms.slice(relationship + 1).some((transform) => transform.selectors !== undefined)
      ) {
        throw new Malformed(`the reference "${uri}" has two relationship transforms`);
      }
      if (relationship === transforms.length - 1) {
        throw new Malformed(
          `the relationship transform of "${uri}" is not followed by C14N, as OPC requires`,
        );
      }
    }
    entries.push({
      partName: decodeURIComponentSafely(uri.slice(0, query)),
      contentType,
      selectors: relationship === -1 ? undefined : transforms[relationship]?.selectors,
      canonicalization: transforms
        .filter((transform) => transform.selectors === undefined)
        .map((transform) => transform.algorithm),
      digestAlgorithm,
      digestValue,
    });
  }
  if (entries.length === 0) throw new Malformed('the <Manifest> is empty');
  return entries;
}

function readSigningTime(properties: Element, signatureId: string | undefined): Date {
  let found: Date | undefined;
  for (const property of childElements(properties)) {
    if (!isElement(property, XMLDSIG_NAMESPACE, 'SignatureProperty')) {
      throw new Malformed(`unexpected <${property.nodeName}> in <SignatureProperties>`);
    }
    if (attributeOf(property, 'Id') !== SIGNATURE_TIME_PROPERTY_ID) continue;
    if (found !== undefined)
      throw new Malformed(`two properties are called ${SIGNATURE_TIME_PROPERTY_ID}`);
    const target = attributeOf(property, 'Target');
    if (target !== '' && (signatureId === undefined || target !== `#${signatureId}`)) {
      throw new Malformed('the signing time property does not target this signature');
    }
    const [time, ...others] = childElements(property);
    if (
      time === undefined ||
      others.length > 0 ||
      !isElement(time, OPC_SIGNATURE_NAMESPACE, 'SignatureTime')
    ) {
      throw new Malformed('the signing time property must hold one <SignatureTime>');
    }
    const format = childElements(time).find((element) =>
      isElement(element, OPC_SIGNATURE_NAMESPACE, 'Format'),
    );
    const value = childElements(time).find((element) =>
      isElement(element, OPC_SIGNATURE_NAMESPACE, 'Value'),
    );
    const date =
      format === undefined || value === undefined
        ? undefined
        : parseSigningTime(textContent(format), textContent(value));
    if (date === undefined) throw new Malformed('the signing time is missing or not in its format');
    found = date;
  }
  if (found === undefined)
    throw new Malformed(`there is no signing time property (${SIGNATURE_TIME_PROPERTY_ID})`);
  return found;
}

/** The elements with an `Id`, by `Id`, found with a stack of its own (no recursion). */
function collectIds(root: Element): Map<string, Element> {
  const ids = new Map<string, Element>();
  const pending: Element[] = [root];
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    const id = attributeOf(element, 'Id');
    if (id !== undefined) {
      if (ids.has(id)) throw new Malformed(`two elements have Id "${id}"`);
      ids.set(id, element);
    }
    pending.push(...childElements(element));
  }
  return ids;
}

/**
 * Decodes base64 strictly: only the base64 alphabet and padding, and only the canonical encoding
 * (no stray bits in the last character), so that no character can change without changing
 * the bytes.
 */
function base64(text: string, what: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (text === '' || bytes.toString('base64') !== text) {
    throw new Malformed(`${what} is not canonical base64 on one line`);
  }
  return bytes;
}

/** The XML declarations a signature part may start with (.NET writes the lower-case one). */
const DECLARATION =
  /^<\?xml version="1\.0"(?: encoding="(?:utf-8|UTF-8|utf-16|UTF-16)")?(?: standalone="(?:yes|no)")? ?\?>/;

/**
 * Checks the signature part's text where canonicalization would not notice a change: an XML
 * declaration, if any, of the usual form; no control character (tab and line breaks included)
 * and no run of spaces anywhere (neither
 * MakePQX, which writes with .NET's XmlTextWriter without indentation, nor pqsdk writes
 * formatting white space). With `<SignedInfo>` covering the rest, no byte of a signature part
 * can change without failing verification.
 */
function checkLexicalForm(text: string): void {
  const body = withoutByteOrderMark(text);
  if (body.startsWith('<?xml') && !DECLARATION.test(body)) {
    throw new Malformed(
      'its XML declaration is not of the usual form (<?xml version="1.0" encoding="utf-8"?>)',
    );
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f-\u009f]| {2}/.test(body)) {
    throw new Malformed(
      'it holds control characters or formatting white space (tabs, line breaks, repeated spaces), which signatures never do',
    );
  }
}

function decodeURIComponentSafely(name: string): string {
  // Part names stay percent-encoded; only check that the encoding is well-formed.
  try {
    decodeURIComponent(name);
    return name;
  } catch {
    throw new Malformed(`the part name "${name}" is not well-formed`);
  }
}
