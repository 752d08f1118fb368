/**
 * The text files of a new connector project (`pqsdk new`): the section document, a test query and
 * the resource strings. Each is a function of the project's name, which is a valid M identifier
 * without dots (checked before).
 */

/** `<Name>.pq`: a connector with one data source function, Anonymous authentication, a publish
 * record and icons. */
export function connectorDocument(name: string): string {
  return `// ${name}: a Power Query custom connector, created with \`pqsdk new\`.
//
// ${name}.Contents is the data source function: calling it needs a credential of the ${name} data
// source kind (declared in the ${name} record below), and ${name}.Publish shows it in Get Data.
// Its one parameter is optional, so the data source path is the kind's name: one credential
// covers every call.
//
// Try it:
//   pqsdk set-credential -e ${name} -q ${name}/${name}.query.pq -ak Anonymous
//   pqsdk run-test -e ${name} -q ${name}/${name}.query.pq
//   pqsdk compile ${name}

[Version = "1.0.0"]
section ${name};

[DataSource.Kind = "${name}", Publish = "${name}.Publish"]
shared ${name}.Contents = Value.ReplaceType(${name}Impl, ${name}Type);

// The documented type of ${name}.Contents: captions, descriptions and samples for the dialogs.
${name}Type =
    type function (
        optional message as (
            type text meta [
                Documentation.FieldCaption = Extension.LoadString("MessageCaption"),
                Documentation.FieldDescription = Extension.LoadString("MessageDescription"),
                Documentation.SampleValues = {"world"}
            ]
        )
    ) as table
        meta [
            Documentation.Name = Extension.LoadString("FunctionName"),
            Documentation.LongDescription = Extension.LoadString("FunctionDescription")
        ];

// Replace this with the calls to your service (Web.Contents, OData.Feed, …).
${name}Impl = (optional message as text) as table =>
    let
        greeting = if message = null then "Hi from ${name}" else "Hi from ${name}, " & message
    in
        #table(
            type table [Greeting = text, Characters = Int64.Type],
            {{greeting, Text.Length(greeting)}}
        );

// The data source kind: how it authenticates, its label, and how a gateway tests it.
${name} = [
    TestConnection = (dataSourcePath as text) as list => {"${name}.Contents"},
    Authentication = [
        // Add the kinds your service needs, such as Key = [], UsernamePassword = [] or OAuth.
        Anonymous = []
    ],
    Label = Extension.LoadString("DataSourceLabel")
];

// How the connector shows in Get Data.
${name}.Publish = [
    Beta = true,
    Category = "Other",
    ButtonText = {Extension.LoadString("ButtonTitle"), Extension.LoadString("ButtonHelp")},
    LearnMoreUrl = "https://learn.microsoft.com/power-query/install-sdk",
    SourceImage = ${name}.Icons,
    SourceTypeImage = ${name}.Icons
];

${name}.Icons = [
    Icon16 = {
        Extension.Contents("${name}16.png"),
        Extension.Contents("${name}20.png"),
        Extension.Contents("${name}24.png"),
        Extension.Contents("${name}32.png")
    },
    Icon32 = {
        Extension.Contents("${name}32.png"),
        Extension.Contents("${name}40.png"),
        Extension.Contents("${name}48.png"),
        Extension.Contents("${name}64.png")
    }
];
`;
}

/** `<Name>.query.pq`: a test query that calls the data source function. */
export function testQuery(name: string): string {
  return `// A test query for ${name}: pqsdk run-test -e ${name} -q ${name}/${name}.query.pq
let
    result = ${name}.Contents("world")
in
    result
`;
}

const STRINGS = (name: string): readonly (readonly [string, string])[] => [
  ['ButtonTitle', name],
  ['ButtonHelp', `Connect to ${name}`],
  ['DataSourceLabel', name],
  ['FunctionName', `${name} greeting`],
  ['FunctionDescription', `Returns a one-row table with a greeting from ${name}.`],
  ['MessageCaption', 'Message'],
  ['MessageDescription', 'Who to greet (optional).'],
];

/** `resources.resx`: the strings `Extension.LoadString` reads, in the .NET resource format. */
export function resourceFile(name: string): string {
  const data = STRINGS(name)
    .map(
      ([key, value]) =>
        `  <data name="${key}" xml:space="preserve">\n    <value>${escapeXml(value)}</value>\n  </data>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
${data}
</root>
`;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
