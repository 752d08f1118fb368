/**
 * PQTest's spellings that `node:util` cannot read as options (short names of several letters,
 * `-?`), and the `--ALL` of `delete-credential`, as the long names the verbs declare. Everything
 * after `--` is left alone; `-ak=Key` works like `-ak Key`.
 */
const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['-ak', '--authenticationKind'],
  ['-dsk', '--dataSourceKind'],
  ['-dsp', '--dataSourcePath'],
  ['-foff', '--failOnFoldingFailure'],
  ['-?', '--help'],
  ['--ALL', '--all'],
]);

/** Rewrites PQTest's multi-letter short options (`-ak`, `-dsk`, `-dsp`, `-foff`, `-?`). */
export function pqtestSpellings(argv: readonly string[]): string[] {
  const terminator = argv.indexOf('--');
  return argv.map((argument, index) => {
    if (terminator !== -1 && index > terminator) return argument;
    const equals = argument.indexOf('=');
    const name = equals === -1 ? argument : argument.slice(0, equals);
    const long = SPELLINGS.get(name);
    if (long === undefined) return argument;
    return equals === -1 ? long : `${long}${argument.slice(equals)}`;
  });
}

/** Quotes a command-line argument for a POSIX shell when it needs it. */
export function shellQuote(argument: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/u.test(argument)
    ? argument
    : `'${argument.replaceAll("'", `'\\''`)}'`;
}
