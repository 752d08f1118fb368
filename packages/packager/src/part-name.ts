import { PACKAGE_ROOT } from './opc-constants.js';

/**
 * Part names of the Open Packaging Conventions (ECMA-376 Part 2, §6.2.2 "Part names"): absolute
 * paths such as `/HelloWorld.pq`, made of segments of URI `pchar` characters, where anything else
 * is percent-encoded as UTF-8, and compared case-insensitively.
 */

/** `pchar` of RFC 3986, without `%`: unreserved, sub-delims, `:` and `@`. */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
/** The unreserved characters, which must not be percent-encoded in a part name. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * The part name for a relative file path (`/`-separated, as in a zip or a `.mez`): a leading `/`,
 * and every character outside `pchar` percent-encoded as UTF-8 (`My File.png` →
 * `/My%20File.png`, `%` → `%25`, `é` → `%C3%A9`).
 *
 * @example
 * ```ts
 * partNameFromPath('icons/Hello World.png'); // "/icons/Hello%20World.png"
 * ```
 */
export function partNameFromPath(path: string): string {
  return `/${path.split('/').map(encodeSegment).join('/')}`;
}

/**
 * The relative file path a part name stands for: without the leading `/`, percent-encoding
 * decoded. The inverse of {@link partNameFromPath} for any valid part name.
 */
export function pathFromPartName(partName: string): string {
  return partName
    .replace(/^\//, '')
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
}

/**
 * Checks a part name against the rules of ECMA-376 Part 2 (§6.2.2.2): not empty; starts with `/`
 * and does not end with one; no empty segments; only `pchar` characters and well-formed
 * percent-encoding (raw non-ASCII characters are read as an IRI would be); no percent-encoded `/`,
 * `\` or unreserved character; no segment that ends with a dot.
 *
 * @returns undefined for a valid part name, or the reason it is not one.
 */
export function checkPartName(name: string): string | undefined {
  if (name === '') return 'a part name cannot be empty';
  if (!name.startsWith('/')) return 'a part name must start with "/"';
  if (name.endsWith('/')) return 'a part name must not end with "/"';
  for (const segment of name.slice(1).split('/')) {
    if (segment === '') return 'a part name cannot have an empty segment';
    const problem = checkSegment(segment);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function checkSegment(segment: string): string | undefined {
  for (let index = 0; index < segment.length; index++) {
    const char = segment.charAt(index);
    if (char === '%') {
      const hex = segment.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return 'a "%" in a part name must start a %XX escape';
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      if (decoded === '/' || decoded === '\\') {
        return 'a part name cannot hold a percent-encoded "/" or "\\"';
      }
      if (UNRESERVED.test(decoded)) {
        return `a part name cannot percent-encode the character "${decoded}"; write it as it is`;
      }
      index += 2;
    } else if (!PCHAR.test(char) && char.charCodeAt(0) < 0xa0) {
      return `the character ${JSON.stringify(char)} is not allowed in a part name; percent-encode it`;
    }
  }
  try {
    decodeURIComponent(segment);
  } catch {
    return 'the percent-encoding in a part name must be valid UTF-8';
  }
  if (segment.endsWith('.')) return 'a part name segment cannot end with a dot';
  return undefined;
}

/**
 * The canonical spelling of a valid part name: raw non-ASCII characters percent-encoded as UTF-8,
 * and the hex digits of every escape in upper case. Equivalent names with the same case of
 * letters get the same spelling.
 */
export function normalizePartName(name: string): string {
  let result = '';
  for (const char of name) {
    if (char.charCodeAt(0) >= 0x80) result += encodeUtf8(char);
    else result += char;
  }
  return result.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

/**
 * The key under which part names are equivalent: OPC compares part names case-insensitively
 * (ASCII), after percent-encoding. Two parts with the same key cannot be in one package.
 */
export function partNameKey(name: string): string {
  return normalizePartName(name).toLowerCase();
}

/** True when two part names name the same part. */
export function partNamesEquivalent(a: string, b: string): boolean {
  return partNameKey(a) === partNameKey(b);
}

/** The zip item name that stores a part: its name without the leading `/`. */
export function zipItemNameOfPart(partName: string): string {
  return partName.slice(1);
}

/** The part name a zip item stores: `/` and the item name. */
export function partNameOfZipItem(itemName: string): string {
  return `/${itemName}`;
}

/** The extension of a part name (after the last dot of its last segment), in lower case; or `''`. */
export function partExtension(partName: string): string {
  const last = partName.slice(partName.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot === -1 ? '' : last.slice(dot + 1).toLowerCase();
}

/**
 * The name of the relationships part that holds the relationships of `source`: `/_rels/.rels` for
 * the package (`/`), `/dir/_rels/name.ext.rels` for the part `/dir/name.ext`.
 */
export function relationshipsPartNameFor(source: string): string {
  if (source === PACKAGE_ROOT) return '/_rels/.rels';
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash)}/_rels/${source.slice(slash + 1)}.rels`;
}

/**
 * The source whose relationships a relationships part holds: `/` for `/_rels/.rels`, the part
 * name for `/dir/_rels/name.ext.rels`; undefined when the name is not that of a relationships part.
 */
export function sourceOfRelationshipsPart(partName: string): string | undefined {
  const match = /^(.*)\/_rels\/([^/]*)\.rels$/i.exec(partName);
  if (match === null) return undefined;
  const [, folder = '', file = ''] = match;
  if (file === '') return folder === '' ? PACKAGE_ROOT : undefined;
  return `${folder}/${file}`;
}

/** True for a part name with a `_rels` segment (a relationships part, or a misplaced part). */
export function isInRelationshipsFolder(partName: string): boolean {
  return partName
    .split('/')
    .slice(1, -1)
    .some((segment) => segment.toLowerCase() === '_rels');
}

/**
 * Resolves the target of an internal relationship against its source (ECMA-376 Part 2, §6.5.3):
 * `/` for the package. Relative targets are resolved against the source's folder, `.` and `..`
 * segments removed.
 *
 * @returns the target part name, or undefined when the target is not a part of the package (an
 * absolute URI, a query, or a path above the root).
 */
export function resolveRelationshipTarget(source: string, target: string): string | undefined {
  const withoutFragment = target.replace(/#.*$/, '');
  if (withoutFragment === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(withoutFragment)) return undefined;
  if (withoutFragment.includes('?') || withoutFragment.startsWith('//')) return undefined;
  const base = source === PACKAGE_ROOT ? '' : source.slice(0, source.lastIndexOf('/'));
  const joined = withoutFragment.startsWith('/') ? withoutFragment : `${base}/${withoutFragment}`;
  const segments: string[] = [];
  for (const segment of joined.split('/').slice(1)) {
    if (segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return undefined;
      continue;
    }
    segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

function encodeSegment(segment: string): string {
  let result = '';
  for (const char of segment) {
    result += PCHAR.test(char) ? char : encodeUtf8(char);
  }
  return result;
}

function encodeUtf8(char: string): string {
  let result = '';
  for (const byte of new TextEncoder().encode(char)) {
    result += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return result;
}
