/** The width help texts keep within. */
const HELP_WIDTH = 100;

/**
 * The "Exit codes" section shared by every help text. A long description of exit code 1 is
 * wrapped at 100 columns, under its first word.
 *
 * @param failed - What exit code 1 means for the command.
 */
export function exitCodesHelp(failed: string): string {
  return [
    'Exit codes:',
    '  0   success',
    wrap(`  1   ${failed}`, ' '.repeat(6)),
    '  2   usage error: unknown command or option, missing argument, path missing or unreadable',
    '  70  internal error (a bug in pqsdk); rerun with PQSDK_DEBUG=1 to see the stack',
    '',
  ].join('\n');
}

function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\S) (?=\S)/u)) {
    if (line !== '' && line.length + 1 + word.length > HELP_WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
