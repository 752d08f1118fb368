/**
 * A connector as the engine loads it (DESIGN.md §2): the section document and the package files,
 * as plain data that crosses to the evaluation side once.
 */

/** How a `.pqx` package's signature stands. A folder, a `.pq` file and a `.mez` are `unsigned`. */
export type SignatureState = 'unsigned' | 'not-verified' | 'valid' | 'invalid';

/** What is known of the signature of the package a connector came from. */
export interface ConnectorSignature {
  readonly status: SignatureState;
  /** One line for people: why it is in that state. */
  readonly detail: string;
}

/** Where a connector was loaded from. */
export type ConnectorSource = 'folder' | 'file' | 'mez' | 'pqx';

/** A loaded connector: plain, structured-clone data. */
export interface ConnectorPackage {
  /** The section document's file name without its extension, such as `HelloWorld`. */
  readonly name: string;
  /** The section document's name in the package, such as `HelloWorld.pq`. */
  readonly sectionFile: string;
  /** The section document's text (a UTF-8 byte-order mark removed). */
  readonly sectionText: string;
  /** Every file of the package by its name (the section document included), as the `.mez` holds it. */
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** What the connector was loaded from. */
  readonly source: ConnectorSource;
  /** The path it was loaded from, when it came from the file system. */
  readonly origin?: string;
  /** The signature status of the package. */
  readonly signature: ConnectorSignature;
}

/** Stable codes of {@link ConnectorLoadError}. */
export type ConnectorLoadErrorCode =
  /** The path is neither a folder nor a `.pq`, `.m`, `.mez` or `.pqx` file, or cannot be read. */
  | 'PQSDK_CONNECTOR_NOT_FOUND'
  /** The package does not have exactly one section document. */
  | 'PQSDK_CONNECTOR_SECTION_COUNT'
  /** The section document is not UTF-8 (or UTF-16 with a byte-order mark) text. */
  | 'PQSDK_CONNECTOR_NOT_TEXT'
  /** The section document does not parse. */
  | 'PQSDK_CONNECTOR_SYNTAX'
  /** The evaluation worker could not start or stopped while loading. */
  | 'PQSDK_CONNECTOR_WORKER';

/**
 * A connector that cannot be loaded, with a stable {@link ConnectorLoadError.code}: either one of
 * {@link ConnectorLoadErrorCode}, or the packager's code for an archive it refused (such as
 * `PQSDK_ZIP_SLIP`). The message is one line; for a syntax error it starts with `file:line:col`.
 */
export class ConnectorLoadError extends Error {
  override readonly name = 'ConnectorLoadError';

  /**
   * @param code - Why the connector was refused.
   * @param message - One line that says what is wrong and what to do.
   * @param options - The file and position concerned, and the underlying cause.
   */
  constructor(
    readonly code: ConnectorLoadErrorCode | `PQSDK_${string}`,
    message: string,
    options: {
      readonly file?: string;
      readonly line?: number;
      readonly column?: number;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }

  /** The package file the error is about, when there is one. */
  readonly file: string | undefined;
  /** The 1-based line of a syntax error. */
  readonly line: number | undefined;
  /** The 1-based column of a syntax error. */
  readonly column: number | undefined;
}
