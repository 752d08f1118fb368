/**
 * How much an archive may hold before the safe reader refuses it. The limits are checked against
 * the sizes the headers declare and, because those can lie, again while decompressing: no entry is
 * ever inflated past its declared size or past what is left of the budget.
 */
export interface ZipLimits {
  /** The most entries (files and folders) an archive may have. */
  readonly maxEntries: number;
  /** The most bytes all entries may expand to, together. */
  readonly maxTotalBytes: number;
  /**
   * The most an entry may expand, as uncompressed bytes per compressed byte. Entries that expand to
   * no more than {@link ZipLimits.ratioExemptBytes} are exempt, so a small file of repeated text
   * is not mistaken for a bomb.
   */
  readonly maxCompressionRatio: number;
  /** Entries up to this many uncompressed bytes are exempt from the ratio check. */
  readonly ratioExemptBytes: number;
}

/**
 * The default limits: generous for any connector (a connector is a few dozen small files), small
 * enough that a hostile archive cannot exhaust memory.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 1000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioExemptBytes: 1024 * 1024,
});

/** The limits with every field that `overrides` gives replaced, checked for sense. */
export function resolveZipLimits(overrides: Partial<ZipLimits> = {}): ZipLimits {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(
        `zip limit ${name} must be a whole number of 0 or more, not ${String(value)}`,
      );
    }
  }
  return limits;
}
