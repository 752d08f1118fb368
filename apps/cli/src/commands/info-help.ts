import { exitCodesHelp } from '../exit-codes-help.js';

/** The text of `pqsdk info --help`. */
export const INFO_HELP = `Usage: pqsdk info -e <connector> [options]

Describe a connector, like PQTest info: its name and version, its data source kinds (label,
authentication kinds, TestConnection, SupportsEncryption), its shared members, and for each
data source function its publish record, its parameters with their documentation
(Documentation.FieldCaption, FieldDescription, SampleValues, AllowedValues) and the
function's Documentation.* fields (Name, LongDescription, Examples, …).

The JSON is an array with one object per connector, in the shape the Power Query SDK for VS
Code reads from PQTest (Microsoft does not document it): {"Source", "Name", "Version",
"ErrorStatus", "Members": [{"Name", "Type", "IsDataSource", "DataSourceKind", "Publish",
"Documentation", "FunctionParameters": [{"Name", "ParameterType", "IsRequired", "IsNullable",
"Caption", "Description", "SampleValues", "AllowedValues"}], "DataTypeOrReturnType"}],
"DataSources": [{"DataSourceKind", "Label", "AuthenticationInfos": [{"Kind"}],
"SupportsEncryption", "TestConnection"}]}. On a terminal, without --json or -p, a summary.

Options:
  -e, --extension <path>  The connector: a project folder, .pq, .mez or .pqx (required)
  -p, --prettyPrint       Print the JSON indented
  --json                  Print the JSON compact, even on a terminal
  --timeout-ms <n>        Stop after n milliseconds (default: no limit)
  --culture <name>        The culture of Extension.LoadString (default en-US)
  -h, -?, --help          Show this help

Examples:
  pqsdk info -e examples/HelloWorld
  pqsdk info -e MyConnector.mez -p

${exitCodesHelp('the connector does not load')}`;
