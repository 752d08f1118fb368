import type {
  ConnectorInfo,
  DataSourceFunctionInfo,
  FunctionDocumentationResult,
  Json,
  ParameterInfo,
} from '@pqsdk/mashup-engine';

type JsonRecord = { readonly [name: string]: Json };

/** One parameter of a data source function in `info`'s JSON. */
export interface InfoParameter {
  readonly Name: string;
  /** The parameter's type as M text without `type`: `text`, `nullable number`. */
  readonly ParameterType: string;
  readonly IsRequired: boolean;
  readonly IsNullable: boolean;
  /** Whether it is part of the data source path (ours). */
  readonly InDataSourcePath: boolean;
  /** `Documentation.FieldCaption`. */
  readonly Caption?: Json;
  /** `Documentation.FieldDescription`. */
  readonly Description?: Json;
  /** `Documentation.SampleValues`. */
  readonly SampleValues?: Json;
  /** `Documentation.AllowedValues`. */
  readonly AllowedValues?: Json;
  /** `Documentation.DefaultValue`. */
  readonly DefaultValue?: Json;
}

/** One shared member in `info`'s JSON. */
export interface InfoMember {
  readonly Name: string;
  /** The kind of its value: `function`, `record`, … (`error` when it fails). */
  readonly Type: string;
  readonly IsDataSource: boolean;
  readonly DataSourceKind: string | null;
  /** The publish record, as JSON, when the member has one. */
  readonly Publish: Json;
  /** The `Documentation.*` fields of the function type's metadata, without the prefix. */
  readonly Documentation: JsonRecord | null;
  readonly FunctionParameters: readonly InfoParameter[] | null;
  /** A function's return type, or the member's type, as M text without `type`. */
  readonly DataTypeOrReturnType: string | null;
  /** The path rule of a data source function: `singleton`, `uri` or `json` (ours). */
  readonly DataSourcePath?: string;
  /** Why its documentation could not be read (ours). */
  readonly Problem?: string;
}

/** One data source kind in `info`'s JSON. */
export interface InfoDataSource {
  readonly DataSourceKind: string;
  readonly Label: string | null;
  readonly AuthenticationInfos: readonly { readonly Kind: string }[];
  readonly SupportsEncryption: boolean;
  readonly TestConnection: boolean;
  readonly Problem?: string;
}

/** `info`'s JSON: one element per connector (PQTest's array). */
export interface InfoEntry {
  /** The connector as given with `-e`. */
  readonly Source: string;
  readonly Name: string;
  readonly Version: string | null;
  readonly ErrorStatus: null;
  readonly Members: readonly InfoMember[];
  readonly DataSources: readonly InfoDataSource[];
}

/**
 * The connector's description in the shape the Power Query SDK for VS Code reads from PQTest's
 * `info` (its `ExtensionInfo`), which Microsoft does not document: `Source`, `Name`, `Version`,
 * `ErrorStatus`, `Members` (the shared members) and `DataSources`. Fields marked "ours" in the
 * types are additions.
 */
export function infoEntry(
  source: string,
  info: ConnectorInfo,
  documentation: readonly FunctionDocumentationResult[],
): InfoEntry {
  const functions = new Map<string, { kind: string; fn: DataSourceFunctionInfo }>();
  for (const dataSource of info.dataSources) {
    for (const fn of dataSource.functions) functions.set(fn.name, { kind: dataSource.kind, fn });
  }
  const documented = new Map<string, FunctionDocumentationResult>();
  for (const result of documentation) {
    documented.set(result.ok ? result.documentation.name : result.name, result);
  }
  const members = info.members
    .filter((member) => member.shared)
    .map((member): InfoMember => {
      const dataSource = functions.get(member.name);
      const docs = documented.get(member.name);
      const publishName = dataSource?.fn.publish;
      const publish = publishName === undefined ? null : (info.publish[publishName] ?? null);
      const identity = {
        Name: member.name,
        Type: member.valueKind,
        IsDataSource: dataSource !== undefined,
        DataSourceKind: dataSource?.kind ?? null,
        Publish: publish,
      };
      if (docs === undefined || !docs.ok) {
        return {
          ...identity,
          Documentation: null,
          FunctionParameters:
            dataSource === undefined ? null : dataSource.fn.parameters.map((p) => parameter(p, {})),
          DataTypeOrReturnType: member.valueKind === 'function' ? null : member.valueKind,
          ...(dataSource === undefined ? {} : { DataSourcePath: dataSource.fn.path }),
          ...(docs === undefined ? {} : { Problem: docs.problem }),
        };
      }
      const { metadata, parameters, returnType } = docs.documentation;
      const declared = dataSource?.fn.parameters ?? [];
      return {
        ...identity,
        Documentation: documentationFields(metadata),
        FunctionParameters: parameters.map((documentedParameter, index) => {
          const known = declared.find((p) => p.name === documentedParameter.name) ??
            declared[index] ?? {
              name: documentedParameter.name,
              type: 'type any',
              optional: false,
              inPath: false,
            };
          return parameter(known, documentedParameter.metadata);
        }),
        DataTypeOrReturnType: withoutTypeKeyword(returnType),
        ...(dataSource === undefined ? {} : { DataSourcePath: dataSource.fn.path }),
      };
    });
  return {
    Source: source,
    Name: info.name,
    Version: info.version ?? null,
    ErrorStatus: null,
    Members: members,
    DataSources: info.dataSources.map((dataSource) => ({
      DataSourceKind: dataSource.kind,
      Label: dataSource.label ?? null,
      AuthenticationInfos: dataSource.authenticationKinds.map((kind) => ({ Kind: kind })),
      SupportsEncryption: dataSource.supportsEncryption,
      TestConnection: dataSource.testConnection,
      ...(dataSource.problem === undefined ? {} : { Problem: dataSource.problem }),
    })),
  };
}

function parameter(declared: ParameterInfo, metadata: JsonRecord): InfoParameter {
  const type = withoutTypeKeyword(declared.type);
  const optionalField = (field: string, name: string): Record<string, Json> =>
    metadata[field] === undefined ? {} : { [name]: metadata[field] };
  return {
    Name: declared.name,
    ParameterType: type,
    IsRequired: !declared.optional,
    IsNullable: declared.optional || /^(nullable\b|any$|null$|anynonnull$)/u.test(type),
    InDataSourcePath: declared.inPath,
    ...optionalField('Documentation.FieldCaption', 'Caption'),
    ...optionalField('Documentation.FieldDescription', 'Description'),
    ...optionalField('Documentation.SampleValues', 'SampleValues'),
    ...optionalField('Documentation.AllowedValues', 'AllowedValues'),
    ...optionalField('Documentation.DefaultValue', 'DefaultValue'),
  };
}

/** The `Documentation.*` fields of a metadata record, without the prefix. */
function documentationFields(metadata: JsonRecord): JsonRecord | null {
  const fields: Record<string, Json> = {};
  for (const [name, value] of Object.entries(metadata)) {
    if (name.startsWith('Documentation.')) fields[name.slice('Documentation.'.length)] = value;
  }
  return Object.keys(fields).length === 0 ? null : fields;
}

function withoutTypeKeyword(type: string): string {
  return type.replace(/^type\s+/u, '');
}

/** `info` for a person at a terminal. */
export function formatInfoForPeople(entry: InfoEntry): string {
  const lines: string[] = [];
  lines.push(
    `${entry.Name}${entry.Version === null ? '' : ` ${entry.Version}`}  (${entry.Source})`,
  );
  lines.push('', 'Data source kinds:');
  if (entry.DataSources.length === 0) lines.push('  (none)');
  for (const dataSource of entry.DataSources) {
    const traits = [
      dataSource.AuthenticationInfos.map((info) => info.Kind).join(', ') || 'no authentication',
      ...(dataSource.TestConnection ? ['TestConnection'] : []),
      ...(dataSource.SupportsEncryption ? ['SupportsEncryption'] : []),
    ];
    const label = dataSource.Label === null ? '' : ` "${dataSource.Label}"`;
    lines.push(`  ${dataSource.DataSourceKind}${label}: ${traits.join('; ')}`);
    if (dataSource.Problem !== undefined) lines.push(`    problem: ${dataSource.Problem}`);
  }
  lines.push('', 'Shared members:');
  for (const member of entry.Members) {
    const parameters = member.FunctionParameters;
    const signature =
      parameters === null
        ? `${member.Name}: ${member.Type}`
        : `${member.Name}(${parameters
            .map((p) => `${p.IsRequired ? '' : 'optional '}${p.Name} as ${p.ParameterType}`)
            .join(
              ', ',
            )})${member.DataTypeOrReturnType === null ? '' : ` as ${member.DataTypeOrReturnType}`}`;
    lines.push(`  ${signature}`);
    if (member.IsDataSource) {
      const publish = member.Publish === null ? '' : ', published';
      lines.push(
        `    data source ${member.DataSourceKind ?? ''} (path: ${member.DataSourcePath ?? '?'})${publish}`,
      );
    }
    const docs = member.Documentation;
    if (docs !== null) {
      const name = textOf(docs['Name']);
      const description = textOf(docs['LongDescription']) ?? textOf(docs['Description']);
      const line = [name, description].filter((part) => part !== undefined).join(': ');
      if (line !== '') lines.push(`    ${line}`);
      if (Array.isArray(docs['Examples'])) {
        lines.push(`    ${String(docs['Examples'].length)} example(s)`);
      }
    }
    for (const p of parameters ?? []) {
      const parts = [
        [textOf(p.Caption), textOf(p.Description)].filter((part) => part !== undefined).join(': '),
        p.SampleValues === undefined ? '' : `samples ${listOf(p.SampleValues)}`,
        p.AllowedValues === undefined ? '' : `allowed ${listOf(p.AllowedValues)}`,
      ].filter((part) => part !== '');
      if (parts.length > 0) lines.push(`    ${p.Name}: ${parts.join('; ')}`);
    }
    if (member.Problem !== undefined) lines.push(`    problem: ${member.Problem}`);
  }
  return `${lines.join('\n')}\n`;
}

function textOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function listOf(value: Json): string {
  return Array.isArray(value)
    ? (value as readonly Json[]).map((item) => JSON.stringify(item)).join(', ')
    : JSON.stringify(value);
}
