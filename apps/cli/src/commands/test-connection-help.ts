import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk test-connection --help`. */
export const TEST_CONNECTION_HELP = `Usage: pqsdk test-connection -e <connector> -q <query file> [options]
       pqsdk test-connection -e <connector> -dsk <kind> -dsp <path> [options]

Run the TestConnection handler of a data source, like PQTest test-connection (and the gateway
before it stores a credential): the data source record's TestConnection(dataSourcePath) names
a shared function and its arguments, and that call is evaluated with the stored credential.
The query must call exactly one data source; it is found by evaluating the query without
sending any request. Prints {"Details": {"Kind", "Path", "NormalizedPath", "Function",
"ValueKind"} or {"Kind", "Path", "NormalizedPath", "Error"}, "Message", "Status"}; on a
terminal without --json or -p, one line instead.

Options:
  -e, --extension <path>         The connector: a project folder, .pq, .mez or .pqx (required)
  -q, --queryFile <file>         A query that calls the data source
  -dsk, --dataSourceKind <kind>  The data source kind, with -dsp instead of -q
  -dsp, --dataSourcePath <path>  The data source path, with -dsk
  -p, --prettyPrint              Print the JSON indented
  --json                         Print the JSON compact, even on a terminal
  --credentials-file <file>      The credential store (as for run-test)
  --mock <file|folder>           Answer Web.Contents requests from mock fixtures
  --allow-live                   With --mock, send the requests no fixture matches
  --record <folder>              Record live requests as fixtures, secrets redacted
  --timeout-ms <n>               Stop after n milliseconds (default: no limit)
  --now <iso>, --seed <n>, --culture <name>, --file-roots <folders>
                                 As for run-test
  -h, -?, --help                 Show this help

Examples:
  pqsdk test-connection -e examples/HelloWorld -dsk HelloWorld -dsp '{"message":"Hi"}'
  pqsdk test-connection -e MyConnector.mez -q MyConnector.query.pq -p

${exitCodesHelp('TestConnection failed (Status "Failure"), or the query calls no single data source')}`;
