/**
 * Stable codes of {@link ZipError}: why an archive was refused. Tools may match on them; the
 * messages may improve.
 */
export type ZipErrorCode =
  /** Not a zip file at all: no end-of-central-directory record, and no local header at the start. */
  | 'PQSDK_ZIP_NOT_A_ZIP'
  /** The file starts like a zip but its end is missing, or a record points past the end. */
  | 'PQSDK_ZIP_TRUNCATED'
  /** The zip structure is inconsistent, or an entry's data does not match its CRC or size. */
  | 'PQSDK_ZIP_CORRUPT'
  /** An entry's uncompressed size differs from the size its headers declare. */
  | 'PQSDK_ZIP_SIZE_MISMATCH'
  /** Encryption, ZIP64, multi-disk archives, or a compression method other than stored or deflate. */
  | 'PQSDK_ZIP_UNSUPPORTED'
  /** Two entries' data overlap (a zip-bomb technique). */
  | 'PQSDK_ZIP_OVERLAPPING_ENTRIES'
  /** An empty name, an empty or `.` segment, a control character, or a name that is not UTF-8. */
  | 'PQSDK_ZIP_BAD_NAME'
  /** A name that starts with `/`. */
  | 'PQSDK_ZIP_ABSOLUTE_PATH'
  /** A name with a `..` segment, which would climb out of the extraction folder ("zip slip"). */
  | 'PQSDK_ZIP_SLIP'
  /** A name that starts with a drive letter, such as `C:`. */
  | 'PQSDK_ZIP_DRIVE_LETTER'
  /** A name with a backslash, which some systems read as a folder separator. */
  | 'PQSDK_ZIP_BACKSLASH'
  /** Two entries with the same name. */
  | 'PQSDK_ZIP_DUPLICATE_ENTRY'
  /** Two names that differ only in case (or in Unicode normalisation). */
  | 'PQSDK_ZIP_CASE_CONFLICT'
  /** A file whose name is also used as a folder by another entry (`a` and `a/b`). */
  | 'PQSDK_ZIP_PATH_CONFLICT'
  /** An entry marked as a symbolic link. */
  | 'PQSDK_ZIP_SYMLINK'
  /** More entries than {@link ZipLimits.maxEntries}. */
  | 'PQSDK_ZIP_TOO_MANY_ENTRIES'
  /** More uncompressed bytes in total than {@link ZipLimits.maxTotalBytes}. */
  | 'PQSDK_ZIP_TOO_LARGE'
  /** An entry that expands more than {@link ZipLimits.maxCompressionRatio} times (a zip bomb). */
  | 'PQSDK_ZIP_RATIO'
  /** The extraction target is not an empty folder, or a write would leave it. */
  | 'PQSDK_ZIP_EXTRACT_TARGET';

/** Stable codes of {@link OpcError}: why an Open Packaging Conventions package was refused. */
export type OpcErrorCode =
  /** The package has no `[Content_Types].xml`. */
  | 'PQSDK_OPC_NO_CONTENT_TYPES'
  /** `[Content_Types].xml` is not well-formed, or does not have the shape ECMA-376 Part 2 requires. */
  | 'PQSDK_OPC_BAD_CONTENT_TYPES'
  /** A relationships part is not well-formed, or does not have the required shape. */
  | 'PQSDK_OPC_BAD_RELATIONSHIPS'
  /** A part name that breaks the OPC part-name rules. */
  | 'PQSDK_OPC_BAD_PART_NAME'
  /** Two parts whose names are equivalent (OPC part names compare case-insensitively). */
  | 'PQSDK_OPC_DUPLICATE_PART'
  /** A part whose name is a folder of another part's name (`/a` and `/a/b`). */
  | 'PQSDK_OPC_PART_CONFLICT'
  /** A part that neither a `Default` nor an `Override` of `[Content_Types].xml` gives a type. */
  | 'PQSDK_OPC_MISSING_CONTENT_TYPE';

/** Stable codes of errors raised while building or writing a package (not validation problems). */
export type BuildErrorCode =
  /** The project path is not a folder that can be read. */
  | 'PQSDK_BUILD_NOT_A_DIRECTORY'
  /** A file of the project could not be read. */
  | 'PQSDK_BUILD_READ_FAILED'
  /** The output name or folder is not usable. */
  | 'PQSDK_BUILD_BAD_OUTPUT'
  /** The output could not be written. */
  | 'PQSDK_BUILD_WRITE_FAILED';

/** Every code a {@link PackagerError} may carry. */
export type PackagerErrorCode = ZipErrorCode | OpcErrorCode | BuildErrorCode;

/** Options of {@link PackagerError}. */
export interface PackagerErrorOptions {
  /** The archive entry or package part the error is about. */
  readonly entry?: string;
  /** The underlying error, such as a zlib or file-system error. */
  readonly cause?: unknown;
}

/**
 * An error of `@pqsdk/packager` that a user can act on: a refused archive, a malformed package, or
 * an output that could not be written. It has a stable {@link PackagerError.code} and a one-line
 * message that says what is wrong and what to do. Anything else thrown by this package is a bug.
 *
 * @example
 * ```ts
 * try {
 *   readZip(bytes);
 * } catch (error) {
 *   if (error instanceof PackagerError) console.error(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 * ```
 */
export class PackagerError extends Error {
  override readonly name: string = 'PackagerError';
  /** What kind of problem this is. */
  readonly code: PackagerErrorCode;
  /** The archive entry or package part the error is about, when there is one. */
  readonly entry: string | undefined;

  /**
   * @param code - What kind of problem this is.
   * @param message - One line that says what is wrong and what to do.
   * @param options - The entry concerned and the underlying cause.
   */
  constructor(code: PackagerErrorCode, message: string, options: PackagerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.entry = options.entry;
  }
}

/** An archive refused by the safe zip reader, or a zip that could not be written or extracted. */
export class ZipError extends PackagerError {
  override readonly name: string = 'ZipError';
  declare readonly code: ZipErrorCode;

  /**
   * @param code - Why the archive was refused.
   * @param message - One line that says what is wrong and what to do.
   * @param options - The entry concerned and the underlying cause.
   */
  constructor(code: ZipErrorCode, message: string, options: PackagerErrorOptions = {}) {
    super(code, message, options);
  }
}

/** A malformed Open Packaging Conventions package (`.pqx`), or parts that cannot form one. */
export class OpcError extends PackagerError {
  override readonly name: string = 'OpcError';
  declare readonly code: OpcErrorCode;

  /**
   * @param code - Why the package was refused.
   * @param message - One line that says what is wrong and what to do.
   * @param options - The part concerned and the underlying cause.
   */
  constructor(code: OpcErrorCode, message: string, options: PackagerErrorOptions = {}) {
    super(code, message, options);
  }
}
