import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk eval --help`. */
export const EVAL_HELP = `Usage: pqsdk eval [options] <expression>
       pqsdk eval [options] -f <file|->
       pqsdk eval [options] --jsonl < requests.jsonl

Evaluate a Power Query M expression and print its value as an M literal, in the style of the
SDK's .pqout files: the text re-parses to an equal value.

An M error, a syntax error included, prints "[Reason] Message" on standard error, then the
error's detail as an M literal on a second line when it has one, and exits 1. A timeout prints
"[PQSDK.Timeout] ..." and exits 1 too.

Options:
  -f, --file <path>   Read the expression from a file (UTF-8, with or without a byte-order
                      mark); "-" reads it from standard input
  --jsonl             Batch mode: read one JSON request per line from standard input,
                        {"id": "a", "expression": "1 + 1"}
                      and write one JSON line per request, in order:
                        {"id": "a", "ok": true, "value": "2"}
                        {"id": "b", "ok": false, "error": {"reason", "message", "detail"}}
                      "detail" is the error's detail as an M literal, or null. A line that is
                      not such an object answers reason "PQSDK.BadRequest" (with its id when
                      it has one); blank lines are skipped. Each request is evaluated on its
                      own: a failure never stops the batch
  --timeout-ms <n>    Stop the evaluation after n milliseconds, with reason "PQSDK.Timeout";
                      0 means no limit. Default: no limit; with --jsonl, 10000 per request
  --now <iso>         The clock: DateTime.LocalNow() returns this time, such as
                      2024-01-31T13:05:00 (taken as UTC) or 2024-01-31T13:05:00+02:00 (the
                      local time zone is then +02:00). Default: the system clock and zone
  --seed <n>          The seed of the random numbers, a whole number from 0 to 4294967295.
                      Default: 0, so runs repeat
  --culture <name>    The culture of text conversions, such as de-DE. Default: en-US
  --multiline         Print the value over several lines where the printer can
  -h, --help          Show this help

An expression may start with "-" (pqsdk eval '-1 + 2'); one where a letter follows the "-"
goes after "--", so that it does not read as an option: pqsdk eval -- '-Number.PI'

Examples:
  pqsdk eval '1 + 2'
  pqsdk eval '#table({"A", "B"}, {{1, "x"}})'
  pqsdk eval -f Query.pq --now 2024-01-31T09:00:00Z --culture de-DE
  echo '{"id": "a", "expression": "1 + 1"}' | pqsdk eval --jsonl --timeout-ms 2000

${exitCodesHelp('the expression raised an M error (a syntax error included) or timed out')}
With --jsonl, the exit code is 0 once every request was answered, even if some failed (see
their lines); 70 if a request hit a bug in pqsdk.
`;
