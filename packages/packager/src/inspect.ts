import type { BuildProblem } from './build-problem.js';
import { extractConnectorMetadata, type ConnectorMetadata } from './connector-metadata.js';
import {
  readConnectorArchive,
  type ArchiveEntry,
  type ArchiveFormat,
} from './connector-archive.js';
import { fileRole, isResourcesFileName } from './connector-files.js';
import type { OpcPackage } from './opc-package.js';
import { readResx } from './resx.js';
import { decodeText } from './text-decoding.js';
import { validateConnectorFiles } from './validate-connector.js';
import type { ReadZipOptions } from './zip-reader.js';

/**
 * The signature status of an archive:
 *
 * - `unsigned`: no signature parts (always so for a `.mez`);
 * - `not-verified`: the package has signature parts, but no verifier was given;
 * - `valid` or `invalid`: what the verifier found.
 */
export type SignatureStatus = 'unsigned' | 'not-verified' | 'valid' | 'invalid';

/** What {@link inspectConnector} says about an archive's signature. */
export interface SignatureReport {
  /** True when the archive has signature parts. */
  readonly present: boolean;
  /** The signature parts (see `partRoles`). */
  readonly parts: readonly string[];
  readonly status: SignatureStatus;
  /** One line for people, such as why it was not verified. */
  readonly detail: string;
}

/** What a {@link SignatureVerifier} decides. */
export interface SignatureVerdict {
  readonly status: 'valid' | 'invalid' | 'not-verified';
  readonly detail: string;
}

/**
 * Checks the signature of a `.pqx` that has signature parts. `@pqsdk/signer` provides one; the
 * packager cannot depend on it, so callers plug it in through {@link InspectOptions}.
 */
export type SignatureVerifier = (pkg: OpcPackage) => SignatureVerdict | Promise<SignatureVerdict>;

/** Options of {@link inspectConnector}. */
export interface InspectOptions extends ReadZipOptions {
  /** Checks a signature when the package has one. Without it, the status is `not-verified`. */
  readonly verifySignature?: SignatureVerifier;
}

/** Everything {@link inspectConnector} found. */
export interface ConnectorInspection {
  readonly format: ArchiveFormat;
  /** Every file entry of the archive, with its size and role. */
  readonly entries: readonly ArchiveEntry[];
  /** The name of the section document, when there is exactly one. */
  readonly sectionFile: string | undefined;
  /** What the section document says, when there is one that could be read. */
  readonly metadata: ConnectorMetadata | undefined;
  readonly signature: SignatureReport;
  /** The connector's problems (see `validateConnectorFiles`); empty for a good connector. */
  readonly problems: readonly BuildProblem[];
}

/**
 * Inspects a `.mez` or `.pqx`: reads it through the safe reader (`readConnectorArchive`), extracts
 * the connector's metadata from its section document (`extractConnectorMetadata`, with
 * `Extension.LoadString` resolved from `resources.resx`), validates its files
 * (`validateConnectorFiles`), and reports its signature: verified by `options.verifySignature`
 * when given, else `not-verified` when there are signature parts.
 *
 * @throws {@link ZipError} or {@link OpcError} for an archive or package that is refused.
 *
 * @example
 * ```ts
 * const inspection = await inspectConnector(readFileSync('HelloWorld.mez'));
 * console.log(inspection.metadata?.name, inspection.signature.status);
 * ```
 */
export async function inspectConnector(
  bytes: Uint8Array,
  options: InspectOptions = {},
): Promise<ConnectorInspection> {
  const archive = readConnectorArchive(
    bytes,
    options.limits === undefined ? {} : { limits: options.limits },
  );
  const sections = archive.files.filter((file) => fileRole(file.name) === 'section');
  const section = sections.length === 1 ? sections[0] : undefined;
  const resources = archive.files.find((file) => isResourcesFileName(file.name));
  const strings =
    resources === undefined ? new Map<string, string>() : readResx(resources.data).entries;

  const text = section === undefined ? undefined : decodeText(section.data);
  const metadata =
    text === undefined ? undefined : extractConnectorMetadata(text, { strings }).metadata;

  return {
    format: archive.format,
    entries: archive.entries,
    sectionFile: section?.name,
    metadata,
    signature: await signatureReport(
      archive.package,
      archive.signatureParts,
      options.verifySignature,
    ),
    problems: validateConnectorFiles(archive.files),
  };
}

async function signatureReport(
  pkg: OpcPackage | undefined,
  parts: readonly string[],
  verify: SignatureVerifier | undefined,
): Promise<SignatureReport> {
  if (pkg === undefined) {
    return { present: false, parts, status: 'unsigned', detail: 'a .mez file cannot be signed' };
  }
  if (parts.length === 0) {
    return {
      present: false,
      parts,
      status: 'unsigned',
      detail: 'the package has no signature parts',
    };
  }
  if (verify === undefined) {
    return {
      present: true,
      parts,
      status: 'not-verified',
      detail: 'signature checking is not available here yet',
    };
  }
  const verdict = await verify(pkg);
  return { present: true, parts, status: verdict.status, detail: verdict.detail };
}
