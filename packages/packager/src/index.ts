/**
 * `@pqsdk/packager`: Power Query connector packages. Reproducible `.mez` builds with validation,
 * one safe reader for untrusted archives, and the `.pqx` container (Open Packaging Conventions).
 *
 * @packageDocumentation
 */

// Errors
export type {
  BuildErrorCode,
  OpcErrorCode,
  PackagerErrorCode,
  PackagerErrorOptions,
  ZipErrorCode,
} from './errors.js';
export { OpcError, PackagerError, ZipError } from './errors.js';

// Zip: the safe reader, the reproducible writer, extraction
export type { ZipLimits } from './zip-limits.js';
export { DEFAULT_ZIP_LIMITS, resolveZipLimits } from './zip-limits.js';
export type { EntryNameProblem } from './zip-entry-name.js';
export { checkEntryName, entryNameKey } from './zip-entry-name.js';
export type { ReadZipOptions, ZipArchive, ZipEntry } from './zip-reader.js';
export { readZip } from './zip-reader.js';
export type { WriteZipOptions, ZipFileInput } from './zip-writer.js';
export { FIXED_ZIP_DATE, writeZip } from './zip-writer.js';
export type { ExtractResult } from './zip-extract.js';
export { extractZip } from './zip-extract.js';

// Connector projects and .mez builds
export type { ConnectorFile, ProjectFileRole } from './connector-files.js';
export {
  fileRole,
  isResourcesFileName,
  PACKAGED_ROLES,
  RESOURCES_FILE_NAME,
} from './connector-files.js';
export type { ProjectFile, ProjectFiles } from './project-files.js';
export { listProjectFiles } from './project-files.js';
export type { Resx, ResxProblem } from './resx.js';
export { readResx } from './resx.js';
export type { BuildProblem, BuildProblemCode } from './build-problem.js';
export { formatBuildProblem, sortBuildProblems } from './build-problem.js';
export { validateConnectorFiles } from './validate-connector.js';
export { writeMez } from './mez.js';
export { writeFileAtomic } from './atomic-write.js';
export { makeDirectories } from './make-directories.js';
export type { DecodeTextOptions } from './text-decoding.js';
export { decodeText, withoutByteOrderMark } from './text-decoding.js';
export type { CompileOptions, CompileResult, PackagedFile } from './compile.js';
export { compileConnector, mezOutputPath } from './compile.js';

// The .pqx container: Open Packaging Conventions
export {
  CONNECTOR_CONTENT_TYPES,
  CONTENT_TYPES_ITEM_NAME,
  CONTENT_TYPES_NAMESPACE,
  CORE_PROPERTIES_CONTENT_TYPE,
  CORE_PROPERTIES_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_CERTIFICATE_FOLDER,
  DIGITAL_SIGNATURE_CERTIFICATE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_FOLDER,
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_RELATIONSHIP_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_CONTENT_TYPE,
  DIGITAL_SIGNATURE_XML_SIGNATURE_FOLDER,
  FALLBACK_CONTENT_TYPE,
  PACKAGE_RELATIONSHIPS_PART_NAME,
  PACKAGE_ROOT,
  RELATIONSHIPS_CONTENT_TYPE,
  RELATIONSHIPS_NAMESPACE,
  SECTION_DOCUMENT_RELATIONSHIP_TYPE,
} from './opc-constants.js';
export {
  checkPartName,
  isInRelationshipsFolder,
  normalizePartName,
  partExtension,
  partNameFromPath,
  partNameKey,
  partNameOfZipItem,
  partNamesEquivalent,
  pathFromPartName,
  relationshipsPartNameFor,
  resolveRelationshipTarget,
  sourceOfRelationshipsPart,
  zipItemNameOfPart,
} from './part-name.js';
export type { ContentTypeDefault, ContentTypeOverride, ContentTypes } from './content-types.js';
export {
  buildContentTypes,
  contentTypeFor,
  isMediaType,
  parseContentTypes,
  serializeContentTypes,
} from './content-types.js';
export type { Relationship, TargetMode } from './relationships.js';
export {
  checkRelationships,
  nextRelationshipId,
  parseRelationships,
  relationshipsOfType,
  serializeRelationships,
} from './relationships.js';
export type { OpcPackage, OpcPackageInput, OpcPart } from './opc-package.js';
export { findPart, relationshipsFrom } from './opc-package.js';
export { writeOpcPackage } from './opc-writer.js';
export { isOpcArchive, opcPackageFromZip, readOpcPackage } from './opc-reader.js';
export type { PartRole } from './package-parts.js';
export { connectorParts, partRoles, signaturePartNames } from './package-parts.js';
export {
  mezFilesFromOpcPackage,
  mezFilesFromPqx,
  opcPackageFromMezFiles,
  pqxFromMez,
} from './pqx.js';

// Reading and inspecting connector archives
export type {
  ArchiveEntry,
  ArchiveEntryRole,
  ArchiveFormat,
  ConnectorArchive,
} from './connector-archive.js';
export { readConnectorArchive } from './connector-archive.js';
export type { StaticValue } from './static-value.js';
export { staticValueOf } from './static-value.js';
export type {
  ConnectorMetadata,
  ConnectorMetadataResult,
  DataSourceKindInfo,
  ExtractMetadataOptions,
  PublishInfo,
} from './connector-metadata.js';
export { connectorMetadataOf, extractConnectorMetadata } from './connector-metadata.js';
export type {
  ConnectorInspection,
  InspectOptions,
  SignatureReport,
  SignatureStatus,
  SignatureVerdict,
  SignatureVerifier,
} from './inspect.js';
export { inspectConnector } from './inspect.js';
export type { XmlParseResult as StrictXmlParseResult, XmlPosition } from './xml.js';
export { childElements, parseXmlStrictly } from './xml.js';
