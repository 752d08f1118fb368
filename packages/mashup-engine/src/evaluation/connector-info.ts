import type { SectionDocument } from '@pqsdk/m-ast';
import {
  MError,
  printValue,
  primitiveTypeOf,
  strip,
  type Context,
  type LoadedSection,
} from '@pqsdk/m-evaluator';
import { dataSourceFunctionMembers } from '../datasource/data-source-function.js';
import { isPathParameter } from '../datasource/data-source-path.js';
import { readDataSourceRecord } from '../datasource/data-source-record.js';
import { isUriType } from '../extension/uri-type.js';
import { jsonOf } from './plain-value.js';
import type { Json } from './protocol.js';

/** A parameter of a data source function. */
export interface ParameterInfo {
  readonly name: string;
  /** The parameter's type as M text. */
  readonly type: string;
  readonly optional: boolean;
  /** Whether it is part of the data source path. */
  readonly inPath: boolean;
}

/** A data source function (a member with `DataSource.Kind`). */
export interface DataSourceFunctionInfo {
  readonly name: string;
  readonly shared: boolean;
  readonly publish?: string;
  readonly parameters: readonly ParameterInfo[];
  /** How its data source path is made: the kind (`singleton`), a URL (`uri`) or JSON (`json`). */
  readonly path: 'singleton' | 'uri' | 'json';
}

/** A data source kind: its record and its functions. */
export interface DataSourceKindInfo {
  readonly kind: string;
  readonly label?: string;
  readonly authenticationKinds: readonly string[];
  readonly supportsEncryption: boolean;
  readonly testConnection: boolean;
  readonly functions: readonly DataSourceFunctionInfo[];
  /** Why the record could not be read, when it could not. */
  readonly problem?: string;
}

/** A member of the section document. */
export interface MemberInfo {
  readonly name: string;
  readonly shared: boolean;
  /** The kind of its value (`function`, `record`, …), or `error` when evaluating it fails. */
  readonly valueKind: string;
}

/** What `info` reports about a connector. */
export interface ConnectorInfo {
  /** The section's name. */
  readonly name: string;
  /** The section's `Version` attribute, when it has one. */
  readonly version?: string;
  readonly members: readonly MemberInfo[];
  readonly dataSources: readonly DataSourceKindInfo[];
  /** The publish records, by member name, as JSON. */
  readonly publish: Readonly<Record<string, Json>>;
}

function attempt<T>(run: () => T): { value: T } | { problem: string } {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof MError) return { problem: error.describe() };
    throw error;
  }
}

/** Describes a loaded connector section (its values evaluated in `ctx`). */
export function connectorInfo(
  ctx: Context,
  section: LoadedSection,
  document: SectionDocument | undefined,
): ConnectorInfo {
  const members = section.members.map((member): MemberInfo => {
    const kind = attempt(() => primitiveTypeOf(section.value(ctx, member.name)));
    return {
      name: member.name,
      shared: member.shared,
      valueKind: 'value' in kind ? kind.value : 'error',
    };
  });
  const functions = document === undefined ? [] : dataSourceFunctionMembers(document);
  const kinds = [...new Set(functions.map((fn) => fn.kind))];
  const dataSources = kinds.map((kind): DataSourceKindInfo => {
    const infos = functions
      .filter((fn) => fn.kind === kind)
      .map((fn): DataSourceFunctionInfo => {
        const value = attempt(() => strip(section.value(ctx, fn.name)));
        const type =
          'value' in value &&
          value.value !== null &&
          typeof value.value === 'object' &&
          value.value.kind === 'function'
            ? value.value.type
            : undefined;
        const parameters =
          type?.shape.kind === 'function'
            ? type.shape.parameters.map((parameter) => ({
                name: parameter.name,
                type: printValue(ctx, parameter.type),
                optional: parameter.optional,
                inPath: isPathParameter(parameter),
              }))
            : [];
        const pathParameters =
          type?.shape.kind === 'function' ? type.shape.parameters.filter(isPathParameter) : [];
        const [first] = pathParameters;
        const path =
          pathParameters.length === 0
            ? 'singleton'
            : pathParameters.length === 1 && first !== undefined && isUriType(first.type)
              ? 'uri'
              : 'json';
        return {
          name: fn.name,
          shared: fn.shared,
          ...(fn.publish === undefined ? {} : { publish: fn.publish }),
          parameters,
          path,
        };
      });
    const record = attempt(() => readDataSourceRecord(ctx, section, kind));
    if (!('value' in record)) {
      return {
        kind,
        authenticationKinds: [],
        supportsEncryption: false,
        testConnection: false,
        functions: infos,
        problem: record.problem,
      };
    }
    return {
      kind,
      ...(record.value.label === undefined ? {} : { label: record.value.label }),
      authenticationKinds: record.value.authenticationKinds,
      supportsEncryption: record.value.supportsEncryption,
      testConnection: record.value.testConnection !== undefined,
      functions: infos,
    };
  });
  const publish: Record<string, Json> = {};
  for (const fn of functions) {
    if (fn.publish === undefined || section.indexOf(fn.publish) === undefined) continue;
    const name = fn.publish;
    const value = attempt(() => jsonOf(ctx, section.value(ctx, name)));
    publish[name] = 'value' in value ? value.value : value.problem;
  }
  const version = strip(section.attributes?.fieldOrUndefined('Version') ?? null);
  return {
    name: section.name,
    ...(typeof version === 'string' ? { version } : {}),
    members,
    dataSources,
    publish,
  };
}
