/**
 * Decodes the bytes of a text file: UTF-8, with or without a byte-order mark, or UTF-16 with its
 * byte-order mark. A UTF-8 byte-order mark is kept as U+FEFF, which the M parser skips, so that
 * positions match what an editor shows.
 *
 * @returns the text, or undefined when the bytes are not valid in the encoding they claim.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return encoding === 'utf-8' ? text : text.slice(1);
  } catch {
    return undefined;
  }
}

/** Removes a leading byte-order mark (U+FEFF), if any. */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
