import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk inspect --help`. */
export const INSPECT_HELP = `Usage: pqsdk inspect [options] <file.mez|file.pqx>

Show what a connector package holds: its entries (name and size), the connector's name and
[Version], its data source kinds with their authentication kinds and label, its publish records
with their literal fields, and, for a .pqx, its signature status: unsigned, valid (with the
signer, the certificate's thumbprint and its status; nothing is trusted here, so use pqsdk verify
--trusted-roots or --trusted-thumbprints for trust) or INVALID with the reason. The archive is read
with the same checks as a connector load (unsafe names, zip bombs and damage are refused), and
the connector is checked as pqsdk compile checks a project; problems are listed.

The metadata comes from reading the section document, never from running it: fields whose
value is not a literal (or Extension.LoadString of a string in resources.resx) are left out.

Options:
  --json      Print one JSON document instead:
              {"file","format","connector","version","sectionFile",
               "dataSourceKinds":[{"name","label","authenticationKinds","functions"}],
               "publish":[{"member","functions","fields"}],
               "entries":[{"name","size","role"}],
               "signature":{"present","status","parts","detail"},
               "problems":[{"file","line","column","code","message"}]}
  -h, --help  Show this help

Examples:
  pqsdk inspect bin/AnyCPU/Debug/HelloWorld.mez
  pqsdk inspect --json HelloWorld.pqx

${exitCodesHelp('the archive is refused (unsafe, malformed or damaged), the connector has problems, or a .pqx signature is INVALID')}`;
