/**
 * The "Exit codes" section shared by every help text.
 *
 * @param failed - What exit code 1 means for the command.
 */
export function exitCodesHelp(failed: string): string {
  return [
    'Exit codes:',
    '  0   success',
    `  1   ${failed}`,
    '  2   usage error: unknown command or option, missing argument, path missing or unreadable',
    '  70  internal error (a bug in pqsdk); rerun with PQSDK_DEBUG=1 to see the stack',
    '',
  ].join('\n');
}
