import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk parse --help`. */
export const PARSE_HELP = `Usage: pqsdk parse [options] <file|directory>...

Parse Power Query M files and report their syntax errors.

Directories are searched recursively for .pq, .pqm and .m files (in any case), skipping
node_modules and directories whose name starts with a dot; a file named explicitly is parsed
whatever its name. Each file prints "<path>: ok", or one "<path>:<line>:<column> <message>"
line per problem; a summary follows: "<N> files, <F> failed, <B> bytes, <MS> ms".

Options:
  --json         Print one JSON document instead:
                 {"files":[{"path","ok","diagnostics":[{"line","column","message",...}]}],
                  "summary":{"files","failed","bytes","ms"}}
  -q, --quiet    Print only the problems and the summary
  -h, --help     Show this help

Examples:
  pqsdk parse MyConnector.pq
  pqsdk parse --quiet src queries/Sales.query.pq
  pqsdk parse --json . > parse-report.json

${exitCodesHelp('at least one file has syntax errors')}`;
