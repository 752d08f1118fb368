import { UsageError } from './usage-error.js';

/**
 * Turns a failed file-system call on a path the user asked for into a one-line {@link UsageError}.
 * Anything that is not a Node file-system error is a bug and is returned unchanged.
 *
 * @param error - What the `node:fs` call threw.
 * @param displayPath - The path as the user knows it.
 */
export function pathError(error: unknown, displayPath: string): unknown {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
    return error;
  }
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UsageError('PQSDK_NO_SUCH_PATH', `no such file or directory: ${displayPath}`);
    case 'EACCES':
    case 'EPERM':
      return new UsageError('PQSDK_UNREADABLE_PATH', `permission denied: ${displayPath}`);
    default:
      return new UsageError(
        'PQSDK_UNREADABLE_PATH',
        `cannot read ${displayPath}: ${error.message} (${error.code})`,
      );
  }
}
