import { exitCodesHelp } from '../exit-codes-help.js';

const DATA_SOURCE = `The data source is given as PQTest takes it: with -e <connector> and -q <query file>, the
query is evaluated to find the data sources it calls (no request is sent and no secret is
read); or with -dsk <kind> and -dsp <path>. A query that calls several data sources names all
of them: the credential verbs then act on each, and print one result per data source (a JSON
array) where PQTest would refuse the query.`;

const STORE = `The store is the file of --credentials-file, else PQSDK_CREDENTIALS_FILE, else
credentials.json in the user's configuration folder (~/.config/pqsdk on Linux); it is
encrypted with AES-256-GCM under the key file beside it (<store>.key, mode 0600).`;

const COMMON_OPTIONS = `  -e, --extension <path>         The connector: a project folder, .pq, .mez or .pqx
  -q, --queryFile <file>         A query that calls the data source
  -dsk, --dataSourceKind <kind>  The data source kind, with -dsp instead of -q
  -dsp, --dataSourcePath <path>  The data source path, with -dsk
  --credentials-file <file>      The credential store (see above)
  -p, --prettyPrint              Print the JSON indented (also the default on a terminal)
  --json                         Print the JSON compact, even on a terminal
  --timeout-ms <n>               Stop finding the data sources after n milliseconds`;

/** The text of `pqsdk credential-template --help`. */
export const CREDENTIAL_TEMPLATE_HELP = `Usage: pqsdk credential-template -e <connector> -q <query file> [-ak <kind>] [options]

Print the JSON template of a credential for a data source of the connector, like PQTest
credential-template: its authentication kind, its properties with placeholders such as
$$KEY$$, $$USERNAME$$ and $$PASSWORD$$ to replace, "PrivacySetting": "None" and
"Permissions": []. Fill it in and pipe it into pqsdk set-credential.

${DATA_SOURCE}

Options:
  -ak, --authenticationKind <kind>
                                 Anonymous, Key, UsernamePassword, Windows, OAuth or Aad;
                                 required when the data source supports several
${COMMON_OPTIONS}
  -h, -?, --help                 Show this help

Examples:
  pqsdk credential-template -e MyConnector.mez -q MyConnector.query.pq -ak Key > key.json
  pqsdk credential-template -e examples/HelloWorld -dsk HelloWorld -dsp HelloWorld -ak Anonymous

${exitCodesHelp('the connector does not load, the query calls no data source, or the kind is not supported')}`;

/** The text of `pqsdk set-credential --help`. */
export const SET_CREDENTIAL_HELP = `Usage: pqsdk set-credential -e <connector> -q <query file> [-ak <kind>] [options] < credential.json
       pqsdk set-credential -e <connector> -q <query file> -ak Anonymous|Windows
       pqsdk set-credential -e <connector> -q <query file> -ak OAuth --interactive

Store the credential of a data source in the credential store, like PQTest set-credential,
and print PQTest's result: {"Details": {"Kind", "Path", "NormalizedPath", "IsDefaultForKind"},
"Message", "Status"}. Three ways:
- JSON on standard input, in the shape credential-template prints, placeholders replaced;
- -ak Anonymous or -ak Windows alone (PQTest's automatic credentials; Windows stands for the
  current user): standard input is not read;
- --interactive, for OAuth and Aad: runs the connector's StartLogin, prints the LoginUri and
  opens it in a browser when one exists, waits for the redirect on the loopback address, runs
  FinishLogin and stores the tokens.
The authentication kind must be one the data source supports. Secrets are never printed.

${DATA_SOURCE}

${STORE}

Options:
  -ak, --authenticationKind <kind>
                                 Anonymous, Key, UsernamePassword, Windows, OAuth or Aad
  --interactive                  Sign in with OAuth in a browser
${COMMON_OPTIONS}
  -h, -?, --help                 Show this help

Examples:
  pqsdk set-credential -e MyConnector -q MyConnector/MyConnector.query.pq -ak Anonymous
  pqsdk credential-template -e My.mez -q My.query.pq -ak Key > key.json
  (replace $$KEY$$ in key.json)
  pqsdk set-credential -e My.mez -q My.query.pq < key.json
  pqsdk set-credential -e My.mez -q My.query.pq -ak OAuth --interactive

${exitCodesHelp('the credential was not stored: bad JSON, an unsupported kind, a failed sign-in')}`;

/** The text of `pqsdk list-credential --help`. */
export const LIST_CREDENTIAL_HELP = `Usage: pqsdk list-credential [options]

List the stored credentials, like PQTest list-credential: a JSON array with, for each, its
DataSource (kind and path), AuthenticationKind, PrivacySetting and the Properties that are not
secret (Username; for OAuth the token type, scope, expiry and whether there is a refresh
token). Keys, passwords and tokens are never printed.

${STORE}

Options:
  --credentials-file <file>  The credential store
  -p, --prettyPrint          Print the JSON indented (also the default on a terminal)
  --json                     Print the JSON compact, even on a terminal
  -h, -?, --help             Show this help

Example:
  pqsdk list-credential --credentials-file .pqsdk/credentials.json

${exitCodesHelp('the store cannot be read (a missing key, a damaged file, open permissions)')}`;

/** The text of `pqsdk delete-credential --help`. */
export const DELETE_CREDENTIAL_HELP = `Usage: pqsdk delete-credential -e <connector> -q <query file> [options]
       pqsdk delete-credential -dsk <kind> -dsp <path> [options]
       pqsdk delete-credential --all [options]

Delete the credential stored for a data source (exactly its path), or every credential with
--all (PQTest's --ALL), like PQTest delete-credential, and print PQTest's result object.
Status "Failure" (and exit code 1) when no credential was stored for the data source.

${DATA_SOURCE}

Options:
  --all, --ALL                   Delete every stored credential
${COMMON_OPTIONS}
  -h, -?, --help                 Show this help

Examples:
  pqsdk delete-credential -e examples/HelloWorld -q examples/HelloWorld/HelloWorld.query.pq
  pqsdk delete-credential --all

${exitCodesHelp('no credential was stored for the data source, or the store cannot be changed')}`;

/** The text of `pqsdk refresh-credential --help`. */
export const REFRESH_CREDENTIAL_HELP = `Usage: pqsdk refresh-credential -e <connector> -q <query file> [options]

Refresh the OAuth (or Aad) credential stored for a data source now, like PQTest
refresh-credential: runs the data source record's Refresh function with the stored refresh
token, stores the new tokens, and prints PQTest's result object with the new expiry
(Details.Expires). Tokens are never printed.

${DATA_SOURCE}

Options:
${COMMON_OPTIONS}
  -h, -?, --help                 Show this help

Example:
  pqsdk refresh-credential -e examples/OAuthPkce -q examples/OAuthPkce/Fieldnotes.query.pq

${exitCodesHelp('no OAuth credential is stored for the data source, or the refresh failed')}`;
