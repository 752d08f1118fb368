/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /**
   * Remove a UTF-8 byte-order mark too. By default it is kept as U+FEFF, which the M parser skips,
   * so that positions match what an editor shows. (A UTF-16 byte-order mark is always removed.)
   */
  readonly removeByteOrderMark?: boolean;
}

/**
 * Decodes the bytes of a text file: UTF-8, with or without a byte-order mark, or UTF-16 with its
 * byte-order mark (as OPC allows for XML parts, ECMA-376 Part 2 §8.1.4).
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // '\ufeffa'
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), { removeByteOrderMark: true }); // 'a'
 * ```
 *
 * @returns the text, or undefined when the bytes are not valid in the encoding they claim.
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): string | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  // The decoder removes a leading byte-order mark unless told to ignore it (keep it as text).
  const keepMark = encoding === 'utf-8' && options.removeByteOrderMark !== true;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: keepMark }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Removes a leading byte-order mark (U+FEFF), if any. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
