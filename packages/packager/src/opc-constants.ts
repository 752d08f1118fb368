/**
 * Names and types of the Open Packaging Conventions (ECMA-376 Part 2), and the ones pqsdk adds for
 * `.pqx` connector packages.
 */

/** The zip item that holds the content types. It is not a part, and its name is not a part name. */
export const CONTENT_TYPES_ITEM_NAME = '[Content_Types].xml';

/** The XML namespace of `[Content_Types].xml`. */
export const CONTENT_TYPES_NAMESPACE =
  'http://schemas.openxmlformats.org/package/2006/content-types';

/** The XML namespace of relationships parts. */
export const RELATIONSHIPS_NAMESPACE =
  'http://schemas.openxmlformats.org/package/2006/relationships';

/** The content type of every relationships part (`*.rels`). */
export const RELATIONSHIPS_CONTENT_TYPE =
  'application/vnd.openxmlformats-package.relationships+xml';

/** The source name under which the package's own relationships are kept: the package root. */
export const PACKAGE_ROOT = '/';

/** The part name of the package relationships part. */
export const PACKAGE_RELATIONSHIPS_PART_NAME = '/_rels/.rels';

/** The folder of the digital signature parts (ECMA-376 Part 2, §13). */
export const DIGITAL_SIGNATURE_FOLDER = '/package/services/digital-signature/';

/** The conventional name of the digital signature origin part. */
export const DIGITAL_SIGNATURE_ORIGIN_PART_NAME =
  '/package/services/digital-signature/origin.psdsor';

/** The conventional folder of XML signature parts (`<name>.psdsxs`). */
export const DIGITAL_SIGNATURE_XML_SIGNATURE_FOLDER =
  '/package/services/digital-signature/xml-signature/';

/** The conventional folder of certificate parts (`<name>.cer`). */
export const DIGITAL_SIGNATURE_CERTIFICATE_FOLDER =
  '/package/services/digital-signature/certificate/';

/** The content type of the digital signature origin part. */
export const DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE =
  'application/vnd.openxmlformats-package.digital-signature-origin';

/** The content type of an XML signature part. */
export const DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE =
  'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml';

/** The content type of a certificate part. */
export const DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE =
  'application/vnd.openxmlformats-package.digital-signature-certificate';

/** The relationship type from the package to the digital signature origin part. */
export const DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE =
  'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin';

/** The relationship type from the origin part to each XML signature part. */
export const DIGITAL_SIGNATURE_RELATIONSHIP_TYPE =
  'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature';

/** The relationship type from an XML signature part to its certificate part. */
export const DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE =
  'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/certificate';

/** The content type of the core properties part. */
export const CORE_PROPERTIES_CONTENT_TYPE =
  'application/vnd.openxmlformats-package.core-properties+xml';

/** The relationship type from the package to the core properties part. */
export const CORE_PROPERTIES_RELATIONSHIP_TYPE =
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

/**
 * The relationship type from the package to the connector's section document, in the `.pqx` files
 * pqsdk writes. It is pqsdk's own (a URN, so it can never clash with anyone's URL); readers that do
 * not know it ignore it, as OPC requires.
 */
export const SECTION_DOCUMENT_RELATIONSHIP_TYPE = 'urn:pqsdk:relationship:section-document';

/**
 * The content types pqsdk gives connector files, by extension (lower case). Any other extension
 * gets {@link FALLBACK_CONTENT_TYPE}.
 */
export const CONNECTOR_CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  pq: 'text/plain',
  pqm: 'text/plain',
  m: 'text/plain',
  png: 'image/png',
  resx: 'application/xml',
  xml: 'application/xml',
  json: 'application/json',
  rels: RELATIONSHIPS_CONTENT_TYPE,
});

/** The content type of a file whose extension {@link CONNECTOR_CONTENT_TYPES} does not list. */
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';
