import type { Expression, SectionDocument, SectionMember } from '@pqsdk/m-ast';
import {
  defineFunction,
  FunctionValue,
  MError,
  RecordValue,
  ArrayList,
  strip,
  type Context,
  type LibraryEntry,
  type RecordValue as RecordValueType,
  type TypeValue,
  type Value,
} from '@pqsdk/m-evaluator';
import { MISSING_CREDENTIAL_REASON } from '../extension/credential-functions.js';
import { refreshIfExpired } from '../oauth/refresh-on-expiry.js';
import type { EvaluationServices } from '../extension/services.js';
import { dataSourcePath } from './data-source-path.js';
import { readDataSourceRecord } from './data-source-record.js';
import { carryScope, type DataSourceScope } from './scope.js';

/**
 * The library function the engine wraps every data source function with. The section document is
 * rewritten before it is loaded: `[DataSource.Kind = "K"] shared F = e;` becomes
 * `shared F = Extension.DataSourceFunction("F", "K", e);`. It is part of the library, so a
 * connector could call it; it is not documented for connectors.
 */
export const DATA_SOURCE_FUNCTION = 'Extension.DataSourceFunction';

/** A data source function found in a section document. */
export interface DataSourceFunctionMember {
  readonly name: string;
  readonly kind: string;
  /** The `Publish` attribute, when there is one. */
  readonly publish?: string;
  readonly shared: boolean;
}

function textAttribute(member: SectionMember, name: string): string | undefined {
  const field = member.attributes?.fields.find((candidate) => candidate.name.name === name);
  if (field === undefined) return undefined;
  let value: Expression = field.value;
  while (value.kind === 'ParenthesizedExpression') value = value.expression;
  return value.kind === 'TextLiteral' ? value.value : undefined;
}

/** The members of a section document that carry a text `DataSource.Kind` attribute. */
export function dataSourceFunctionMembers(document: SectionDocument): DataSourceFunctionMember[] {
  const found: DataSourceFunctionMember[] = [];
  for (const member of document.members) {
    const kind = textAttribute(member, 'DataSource.Kind');
    if (kind === undefined) continue;
    const publish = textAttribute(member, 'Publish');
    found.push({
      name: member.name.name,
      kind,
      shared: member.shared,
      ...(publish === undefined ? {} : { publish }),
    });
  }
  return found;
}

/**
 * The section document with every data source function wrapped in
 * {@link DATA_SOURCE_FUNCTION}, so that calling it computes the data source path, finds the
 * credential and runs in the data source scope.
 */
export function bindDataSourceFunctions(document: SectionDocument): SectionDocument {
  return {
    ...document,
    members: document.members.map((member) => {
      const kind = textAttribute(member, 'DataSource.Kind');
      if (kind === undefined) return member;
      const span = member.value.span;
      const text = (value: string): Expression => ({ kind: 'TextLiteral', value, span });
      const value: Expression = {
        kind: 'InvokeExpression',
        span,
        target: {
          kind: 'IdentifierExpression',
          name: DATA_SOURCE_FUNCTION,
          quoted: false,
          inclusive: false,
          span,
        },
        arguments: [text(member.name.name), text(kind), member.value],
      };
      return { ...member, value };
    }),
  };
}

/** The error of a data source function invoked without a stored credential. */
export function missingCredentialError(
  kind: string,
  path: string,
  authenticationKinds: readonly string[],
): MError {
  return MError.of(
    MISSING_CREDENTIAL_REASON,
    `Credentials are required to connect to the ${kind} source. (Source at ${path}.)`,
    RecordValue.of([
      ['DataSourceKind', kind],
      ['DataSourcePath', path],
      ['AuthenticationKinds', ArrayList.of([...authenticationKinds])],
    ]),
  );
}

/** A data source function: calls run in the scope of the data source the arguments name. */
export class DataSourceFunction extends FunctionValue {
  constructor(
    readonly services: EvaluationServices,
    readonly memberName: string,
    readonly dataSourceKind: string,
    readonly inner: FunctionValue,
  ) {
    super();
  }

  override get meta(): RecordValueType | null {
    return this.inner.meta;
  }

  get type(): TypeValue {
    return this.inner.type;
  }

  override get name(): string {
    return this.memberName;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    const type = this.inner.type;
    if (type.shape.kind === 'function') {
      const parameters = type.shape.parameters;
      const required = parameters.filter((parameter) => !parameter.optional).length;
      if (args.length < required || args.length > parameters.length) {
        return this.inner.invoke(ctx, args);
      }
    }
    const scope = this.enter(ctx, dataSourcePath(ctx, this.dataSourceKind, type, args));
    const { scopes } = this.services;
    return scopes.within(scope, () => carryScope(scopes, scope, this.inner.invoke(ctx, args)));
  }

  /** Finds the credential for a data source of this kind and makes its scope. */
  enter(ctx: Context, path: string): DataSourceScope {
    const { services } = this;
    const section = services.section;
    if (section === undefined) throw new Error('the connector section is not loaded');
    const record = readDataSourceRecord(ctx, section, this.dataSourceKind);
    const credential = services.findCredential({ kind: this.dataSourceKind, path });
    services.noteDataSource({
      kind: this.dataSourceKind,
      path,
      authenticationKinds: record.authenticationKinds,
      ...(credential === null ? {} : { authenticationKind: credential.AuthenticationKind }),
      ...(record.label === undefined ? {} : { label: record.label }),
    });
    if (credential === null) {
      throw missingCredentialError(this.dataSourceKind, path, record.authenticationKinds);
    }
    if (
      record.authenticationKinds.length > 0 &&
      !record.authenticationKinds.includes(credential.AuthenticationKind)
    ) {
      throw MError.of(
        MISSING_CREDENTIAL_REASON,
        `The credential stored for the ${this.dataSourceKind} source at ${path} is ${credential.AuthenticationKind}, which the data source doesn't support; it supports ${record.authenticationKinds.join(', ')}.`,
        RecordValue.of([
          ['DataSourceKind', this.dataSourceKind],
          ['DataSourcePath', path],
          ['AuthenticationKinds', ArrayList.of([...record.authenticationKinds])],
        ]),
      );
    }
    return {
      kind: this.dataSourceKind,
      path,
      // An expired OAuth token is refreshed first (src/oauth/refresh-on-expiry.ts).
      credential: refreshIfExpired(
        ctx,
        services,
        { kind: this.dataSourceKind, path },
        credential,
        record.authenticationKinds,
      ),
      authenticationKinds: record.authenticationKinds,
    };
  }
}

/** The library entry the rewritten section calls (see {@link DATA_SOURCE_FUNCTION}). */
export function dataSourceFunctionEntry(services: EvaluationServices): LibraryEntry {
  return defineFunction(
    DATA_SOURCE_FUNCTION,
    '(name as text, kind as text, value as any) as any',
    (_ctx, [name, kind, value]) => {
      const plain = strip(value);
      if (!(plain instanceof FunctionValue)) return value;
      return new DataSourceFunction(services, name as string, kind as string, plain);
    },
    { keepMetadata: true },
  );
}
