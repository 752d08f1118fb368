import { MError } from '../errors.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asInteger } from './arguments.js';
import { defineConstant, type LibraryEntry } from './define.js';

/**
 * Text encodings by Windows code page number, as M names them (`TextEncoding.Utf8` is 65001), and
 * the binary-to-text encodings of `BinaryEncoding`. Any code page that Node can decode is accepted;
 * encoding works for the Unicode forms, ASCII, Latin-1, Windows-1252 and the other single-byte code
 * pages.
 */

/** The documented code pages of `TextEncoding.*`. */
export const CODE_PAGE = {
  utf16: 1200,
  bigEndianUnicode: 1201,
  windows: 1252,
  ascii: 20127,
  utf8: 65001,
  utf32: 12000,
  bigEndianUtf32: 12001,
  latin1: 28591,
} as const;

/** `BinaryEncoding.Base64` and `BinaryEncoding.Hex`. */
export const BINARY_ENCODING = { base64: 0, hex: 1 } as const;

/** Windows-1252 bytes 0x80–0x9F (the rest is Latin-1); undefined bytes map to the C1 control. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Other code pages, by the WHATWG label Node's `TextDecoder` knows them by. */
const SINGLE_BYTE_LABELS: Readonly<Record<number, string>> = {
  866: 'ibm866',
  874: 'windows-874',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28592: 'iso-8859-2',
  28593: 'iso-8859-3',
  28594: 'iso-8859-4',
  28595: 'iso-8859-5',
  28596: 'iso-8859-6',
  28597: 'iso-8859-7',
  28598: 'iso-8859-8',
  28599: 'windows-1254',
  28603: 'iso-8859-13',
  28605: 'iso-8859-15',
};

const MULTI_BYTE_LABELS: Readonly<Record<number, string>> = {
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  20932: 'euc-jp',
  50220: 'iso-2022-jp',
  51932: 'euc-jp',
  54936: 'gb18030',
};

function unsupported(codePage: number): MError {
  return MError.expression(
    `The text encoding ${String(codePage)} is not supported. Use one of the TextEncoding values or another Windows code page that this engine knows.`,
    codePage,
  );
}

/** Whether a code page is one this engine can decode. */
function isKnown(codePage: number): boolean {
  return (
    Object.values(CODE_PAGE).some((known) => known === codePage) ||
    codePage in SINGLE_BYTE_LABELS ||
    codePage in MULTI_BYTE_LABELS
  );
}

/** A text encoding argument: the code page, or `fallback` when the argument is null. */
export function codePageOf(value: Value, fallback: number): number;
/** A text encoding argument: the code page, or null when the argument is null. */
export function codePageOf(value: Value, fallback: null): number | null;
/** A text encoding argument (the implementation of both overloads). */
export function codePageOf(value: Value, fallback: number | null): number | null {
  const plain = strip(value);
  if (plain === null) return fallback;
  const codePage = asInteger(plain, 'The text encoding');
  if (!isKnown(codePage)) throw unsupported(codePage);
  return codePage;
}

/** The byte order mark of a code page, or an empty array when it has none. */
function byteOrderMark(codePage: number): Uint8Array {
  switch (codePage) {
    case CODE_PAGE.utf8:
      return Uint8Array.of(0xef, 0xbb, 0xbf);
    case CODE_PAGE.utf16:
      return Uint8Array.of(0xff, 0xfe);
    case CODE_PAGE.bigEndianUnicode:
      return Uint8Array.of(0xfe, 0xff);
    case CODE_PAGE.utf32:
      return Uint8Array.of(0xff, 0xfe, 0, 0);
    case CODE_PAGE.bigEndianUtf32:
      return Uint8Array.of(0, 0, 0xfe, 0xff);
    default:
      return new Uint8Array(0);
  }
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[index * 2 + (bigEndian ? 1 : 0)] = unit & 0xff;
    bytes[index * 2 + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return bytes;
}

function utf32(text: string, bigEndian: boolean): Uint8Array {
  const points = Array.from(text, (character) => character.codePointAt(0) as number);
  const bytes = new Uint8Array(points.length * 4);
  const view = new DataView(bytes.buffer);
  points.forEach((point, index) => {
    const valid = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
    view.setUint32(index * 4, valid, !bigEndian);
  });
  return bytes;
}

/** A table from characters to bytes for a single-byte code page. */
function singleByteTable(codePage: number): Map<number, number> {
  const table = new Map<number, number>();
  if (codePage === CODE_PAGE.windows) {
    for (let byte = 0; byte < 256; byte++) {
      const code = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte;
      table.set(code, byte);
    }
    return table;
  }
  const label = SINGLE_BYTE_LABELS[codePage];
  if (label === undefined) throw unsupported(codePage);
  const all = new Uint8Array(256).map((_, index) => index);
  const decoded = new TextDecoder(label).decode(all);
  for (let byte = 0; byte < 256 && byte < decoded.length; byte++) {
    const code = decoded.charCodeAt(byte);
    if (code !== 0xfffd && !table.has(code)) table.set(code, byte);
  }
  return table;
}

/** One byte per character; a character the code page lacks (or a surrogate pair) is `?`. */
function singleByte(text: string, table: (code: number) => number | undefined): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      bytes[length++] = 0x3f;
      continue;
    }
    bytes[length++] = table(code) ?? 0x3f;
  }
  return length === bytes.length ? bytes : bytes.slice(0, length);
}

/** Encodes text in a code page, with its byte order mark when asked for. */
export function encodeText(
  text: string,
  codePage: number,
  includeByteOrderMark = false,
): Uint8Array {
  let body: Uint8Array;
  switch (codePage) {
    case CODE_PAGE.utf8:
      body = new Uint8Array(Buffer.from(text, 'utf8'));
      break;
    case CODE_PAGE.utf16:
      body = utf16(text, false);
      break;
    case CODE_PAGE.bigEndianUnicode:
      body = utf16(text, true);
      break;
    case CODE_PAGE.utf32:
      body = utf32(text, false);
      break;
    case CODE_PAGE.bigEndianUtf32:
      body = utf32(text, true);
      break;
    case CODE_PAGE.ascii:
      body = singleByte(text, (code) => (code < 0x80 ? code : undefined));
      break;
    case CODE_PAGE.latin1:
      body = singleByte(text, (code) => (code < 0x100 ? code : undefined));
      break;
    default: {
      if (codePage in MULTI_BYTE_LABELS) {
        throw MError.expression(
          `Text can be decoded from the code page ${String(codePage)}, but not encoded to it.`,
          codePage,
        );
      }
      const table = singleByteTable(codePage);
      body = singleByte(text, (code) => table.get(code));
      break;
    }
  }
  if (!includeByteOrderMark) return body;
  const mark = byteOrderMark(codePage);
  if (mark.length === 0) return body;
  const out = new Uint8Array(mark.length + body.length);
  out.set(mark, 0);
  out.set(body, mark.length);
  return out;
}

/** The encoding a byte order mark announces, and the mark's length. */
export function detectByteOrderMark(
  bytes: Uint8Array,
): { codePage: number; length: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { codePage: CODE_PAGE.utf8, length: 3 };
  if (b0 === 0xff && b1 === 0xfe) {
    if (b2 === 0 && b3 === 0 && bytes.length >= 4) return { codePage: CODE_PAGE.utf32, length: 4 };
    return { codePage: CODE_PAGE.utf16, length: 2 };
  }
  if (b0 === 0xfe && b1 === 0xff) return { codePage: CODE_PAGE.bigEndianUnicode, length: 2 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    return { codePage: CODE_PAGE.bigEndianUtf32, length: 4 };
  }
  return null;
}

function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) {
    const point = view.getUint32(offset, !bigEndian);
    out +=
      point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)
        ? '\ufffd'
        : String.fromCodePoint(point);
  }
  if (bytes.length % 4 !== 0) out += '\ufffd';
  return out;
}

function decodeSingleByte(bytes: Uint8Array, map: (byte: number) => number): string {
  let out = '';
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), map);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * Decodes bytes. A byte order mark is honoured and removed (as a .NET stream reader does); without
 * one, the code page given is used, or UTF-8 when it is null. Invalid sequences become U+FFFD
 * (ASCII bytes above 0x7F become `?`).
 */
export function decodeText(bytes: Uint8Array, codePage: number | null): string {
  const mark = detectByteOrderMark(bytes);
  let page = codePage ?? CODE_PAGE.utf8;
  let body = bytes;
  if (mark !== null && (codePage === null || sameFamily(mark.codePage, codePage))) {
    page = mark.codePage;
    body = bytes.subarray(mark.length);
  }
  switch (page) {
    case CODE_PAGE.utf8:
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    case CODE_PAGE.utf16:
      return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(body);
    case CODE_PAGE.bigEndianUnicode:
      return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(body);
    case CODE_PAGE.utf32:
      return decodeUtf32(body, false);
    case CODE_PAGE.bigEndianUtf32:
      return decodeUtf32(body, true);
    case CODE_PAGE.ascii:
      return decodeSingleByte(body, (byte) => (byte < 0x80 ? byte : 0x3f));
    case CODE_PAGE.latin1:
      return decodeSingleByte(body, (byte) => byte);
    case CODE_PAGE.windows:
      return decodeSingleByte(body, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte,
      );
    default: {
      const label = SINGLE_BYTE_LABELS[page] ?? MULTI_BYTE_LABELS[page];
      if (label === undefined) throw unsupported(page);
      try {
        return new TextDecoder(label).decode(body);
      } catch {
        throw unsupported(page);
      }
    }
  }
}

/** Whether a byte order mark fits the code page asked for (UTF-8, UTF-16 or UTF-32 of any order). */
function sameFamily(markPage: number, codePage: number): boolean {
  const unicode: readonly number[] = [
    CODE_PAGE.utf8,
    CODE_PAGE.utf16,
    CODE_PAGE.bigEndianUnicode,
    CODE_PAGE.utf32,
    CODE_PAGE.bigEndianUtf32,
  ];
  return markPage === codePage || (unicode.includes(codePage) && unicode.includes(markPage));
}

/** `TextEncoding.*` and `BinaryEncoding.*`. */
export const ENCODING_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('TextEncoding.Type', TYPE.number),
  defineConstant('TextEncoding.Utf16', CODE_PAGE.utf16),
  defineConstant('TextEncoding.Unicode', CODE_PAGE.utf16),
  defineConstant('TextEncoding.BigEndianUnicode', CODE_PAGE.bigEndianUnicode),
  defineConstant('TextEncoding.Windows', CODE_PAGE.windows),
  defineConstant('TextEncoding.Ascii', CODE_PAGE.ascii),
  defineConstant('TextEncoding.Utf8', CODE_PAGE.utf8),
  defineConstant('BinaryEncoding.Type', TYPE.number),
  defineConstant('BinaryEncoding.Base64', BINARY_ENCODING.base64),
  defineConstant('BinaryEncoding.Hex', BINARY_ENCODING.hex),
];
