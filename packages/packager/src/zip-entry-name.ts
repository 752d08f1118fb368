import type { ZipErrorCode } from './errors.js';

/** Why an entry name is unsafe: a code of {@link ZipErrorCode} and the reason in words. */
export interface EntryNameProblem {
  readonly code: ZipErrorCode;
  readonly reason: string;
}

/**
 * Checks that a zip entry name is safe to use as a relative path on every platform: `/`-separated
 * segments, none of them empty, `.` or `..`, no backslash, no drive letter or other `:`, no leading
 * `/`, no control characters. A trailing `/` (a folder entry) is allowed.
 *
 * @returns undefined for a safe name, or what is wrong with it.
 *
 * @example
 * ```ts
 * checkEntryName('../evil.pq'); // { code: 'PQSDK_ZIP_SLIP', reason: '…' }
 * checkEntryName('HelloWorld.pq'); // undefined
 * ```
 */
export function checkEntryName(name: string): EntryNameProblem | undefined {
  if (name === '' || name === '/') {
    return { code: 'PQSDK_ZIP_BAD_NAME', reason: 'the name is empty' };
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return { code: 'PQSDK_ZIP_BAD_NAME', reason: 'the name contains a control character' };
  }
  if (name.includes('\\')) {
    return {
      code: 'PQSDK_ZIP_BACKSLASH',
      reason: 'the name contains a backslash, which Windows reads as a folder separator',
    };
  }
  if (name.startsWith('/')) {
    return { code: 'PQSDK_ZIP_ABSOLUTE_PATH', reason: 'the name is an absolute path' };
  }
  if (/^[A-Za-z]:/.test(name)) {
    return { code: 'PQSDK_ZIP_DRIVE_LETTER', reason: 'the name starts with a drive letter' };
  }
  if (name.includes(':')) {
    return {
      code: 'PQSDK_ZIP_BAD_NAME',
      reason: 'the name contains ":", which Windows reads as a drive or an alternate data stream',
    };
  }
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) {
    return {
      code: 'PQSDK_ZIP_SLIP',
      reason: 'the name has a ".." segment, which would climb out of the extraction folder',
    };
  }
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return { code: 'PQSDK_ZIP_BAD_NAME', reason: 'the name has an empty or "." segment' };
  }
  return undefined;
}

/** True for the name of a folder entry (it ends with `/`). */
export function isFolderEntryName(name: string): boolean {
  return name.endsWith('/');
}

/**
 * The key under which two names count as the same file on a case-insensitive or
 * normalisation-insensitive file system (Windows, macOS): NFC-normalised and lower-cased, without a
 * trailing `/`.
 */
export function entryNameKey(name: string): string {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  return trimmed.normalize('NFC').toLowerCase();
}

/**
 * Finds an entry that lies inside another entry that is a file (`a` and `a/b`): such an archive
 * cannot be extracted, and in a package the two names would clash. Names are compared by
 * {@link entryNameKey}.
 *
 * @returns the inner entry's name and the file's name, or undefined when there is no clash.
 */
export function findPathConflict(
  names: readonly string[],
): { readonly inner: string; readonly file: string } | undefined {
  const files = new Map<string, string>();
  for (const name of names) {
    if (!isFolderEntryName(name)) files.set(entryNameKey(name), name);
  }
  for (const name of names) {
    const segments = entryNameKey(name).split('/');
    for (let length = 1; length < segments.length; length++) {
      const file = files.get(segments.slice(0, length).join('/'));
      if (file !== undefined) return { inner: name, file };
    }
  }
  return undefined;
}

/**
 * Formats a name for a message: quoted as JSON, so control characters and odd spaces show, and cut
 * to a readable length.
 */
export function quoteEntryName(name: string): string {
  const shown = name.length > 120 ? `${name.slice(0, 117)}...` : name;
  return JSON.stringify(shown);
}
