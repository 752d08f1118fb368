import { RecordValue } from '../values/record.js';
import type { Value } from '../values/value.js';
import { CODE_PAGE, decodeText, detectByteOrderMark } from './encoding.js';

/**
 * `Binary.InferContentType`: the MIME type of some bytes, from their signature (PDF, images, ZIP and
 * the Office formats inside it, GZip, OLE) or, for text, from its shape (JSON, XML, HTML, CSV or
 * plain text), with the text's code page as `Content.Encoding`.
 */

const SIGNATURES: readonly (readonly [readonly number[], string])[] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x49, 0x49, 0x2a, 0x00], 'image/tiff'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'image/tiff'],
  [[0x1f, 0x8b], 'application/gzip'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'application/x-ole-storage'],
];

const OFFICE: readonly (readonly [string, string])[] = [
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

function startsWithBytes(bytes: Uint8Array, signature: readonly number[]): boolean {
  return (
    signature.length <= bytes.length && signature.every((byte, index) => bytes[index] === byte)
  );
}

/** Whether bytes look like text: a byte order mark, or valid UTF-8 without NUL bytes. */
function textCodePage(bytes: Uint8Array): number | null {
  const mark = detectByteOrderMark(bytes);
  if (mark !== null) return mark.codePage;
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 65536));
    return CODE_PAGE.utf8;
  } catch {
    // A cut in the middle of a sequence at the 64 KiB mark is still text.
    return bytes.length > 65536 ? CODE_PAGE.utf8 : null;
  }
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Whether lines of text have the same number (at least one) of some delimiter. */
function looksDelimited(text: string): boolean {
  const lines = text
    .split(/\r\n|\r|\n/)
    .filter((line) => line !== '')
    .slice(0, 20);
  if (lines.length === 0) return false;
  return DELIMITERS.some((delimiter) => {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    return first > 0 && counts.every((count) => count === first);
  });
}

function textType(text: string): string {
  const start = text.trimStart();
  if (/^[[{]/.test(start)) {
    try {
      JSON.parse(text);
      return 'application/json';
    } catch {
      // Not JSON after all: fall through to the other shapes.
    }
  }
  if (start.startsWith('<')) {
    return /^<(!doctype\s+html|html[\s>])/i.test(start) ? 'text/html' : 'text/xml';
  }
  return looksDelimited(text) ? 'text/csv' : 'text/plain';
}

/** The record of `Binary.InferContentType`. */
export function inferContentType(bytes: Uint8Array): RecordValue {
  for (const [signature, type] of SIGNATURES) {
    if (startsWithBytes(bytes, signature)) return RecordValue.of([['Content.Type', type]]);
  }
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
    const office = OFFICE.find(([folder]) => names.includes(folder));
    return RecordValue.of([['Content.Type', office?.[1] ?? 'application/zip']]);
  }
  const codePage = bytes.length === 0 ? null : textCodePage(bytes);
  if (codePage === null) return RecordValue.of([['Content.Type', 'application/octet-stream']]);
  const text = decodeText(bytes.subarray(0, 1 << 20), codePage);
  const fields: [string, Value][] = [
    ['Content.Type', textType(text)],
    ['Content.Encoding', codePage],
  ];
  return RecordValue.of(fields);
}
