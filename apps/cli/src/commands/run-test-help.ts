import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk run-test --help`. */
export const RUN_TEST_HELP = `Usage: pqsdk run-test -e <connector> -q <query file> [options]

Evaluate a query file with a connector, like PQTest run-test, and print PQTest's JSON: an array
with one result object (Name, Status, Type, Method, StartTime, EndTime, Output, Error,
DataSourceAnalysis, Details). On a terminal, without --json or -p, the value is printed as a
table instead (cut to the terminal's width, at most 50 rows), with the status line.

The connector is a project folder, a .pq file (with the files beside it), a .mez or a .pqx. The
query file holds an M expression (a let too) or a section document; the connector's shared
members are in scope. Data source functions look their credentials up in the credential store
(set them with pqsdk set-credential); when one is missing, a line on standard error says which
command sets it.

Options:
  -e, --extension <path>       The connector (required)
  -q, --queryFile <file>       The query file (required)
  -p, --prettyPrint            Print the JSON indented
  --json                       Print the JSON, compact, even on a terminal
  --credentials-file <file>    The credential store (default: PQSDK_CREDENTIALS_FILE, else
                               credentials.json in the user's configuration folder)
  --mock <file|folder>         Answer Web.Contents requests from mock fixtures; a request no
                               fixture matches fails
  --allow-live                 With --mock, send the requests no fixture matches
  --record <folder>            Record the requests that go to the network as fixtures, with
                               their secrets redacted
  --log-traces <file>          Write the Diagnostics.Trace entries, HTTP exchanges and folding
                               attempts to a file, one JSON object a line (written at the end)
  -foff, --failOnFoldingFailure
                               Fail when a Table.View cannot fold an operation (as DirectQuery)
  --timeout-ms <n>             Stop the evaluation after n milliseconds (default: no limit)
  --now <iso>                  The clock, such as 2024-01-31T13:05:00Z (default: the real time)
  --seed <n>                   The seed of Number.Random (default 0)
  --culture <name>             The culture, such as de-DE (default en-US)
  --file-roots <folders>       The folders File.Contents may read, separated by ':' (';' on
                               Windows); without it, File.Contents fails
  -h, -?, --help               Show this help

Examples:
  pqsdk set-credential -e MyConnector -q MyConnector/MyConnector.query.pq -ak Anonymous
  pqsdk run-test -e MyConnector -q MyConnector/MyConnector.query.pq -p
  pqsdk run-test -e MyConnector.mez -q tests/Items.query.pq --mock tests/fixtures --json

${exitCodesHelp('the query failed (Status "Failed"), or the connector does not load')}`;
