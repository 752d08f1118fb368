import {
  FunctionValue,
  MError,
  RecordValue,
  strip,
  type Context,
  type LoadedSection,
} from '@pqsdk/m-evaluator';

/** What the data source record (the section member named by the kind) declares. */
export interface DataSourceKindRecord {
  /** The kind: the name of the record. */
  readonly kind: string;
  /**
   * The authentication kinds of its `Authentication` record, in order. `Implicit` is reported as
   * `Anonymous`, its other name (powerquery-docs `handling-authentication.md`).
   */
  readonly authenticationKinds: readonly string[];
  /** Its `Label`, when it has a text one. */
  readonly label?: string;
  /** Its `SupportsEncryption`. */
  readonly supportsEncryption: boolean;
  /** Its `TestConnection` function, when it has one. */
  readonly testConnection?: FunctionValue;
}

/** The name PQTest and the credential store use for an `Authentication` field name. */
export function authenticationKindName(field: string): string {
  return field === 'Implicit' ? 'Anonymous' : field;
}

/**
 * Reads the data source record of `kind` from the connector's section.
 *
 * @throws an M error when the section has no such member or it is not a record.
 */
export function readDataSourceRecord(
  ctx: Context,
  section: LoadedSection,
  kind: string,
): DataSourceKindRecord {
  if (section.indexOf(kind) === undefined) {
    throw MError.expression(
      `The data source kind '${kind}' has no data source record: add a member ${kind} = [Authentication = [...]] to section ${section.name}.`,
      kind,
    );
  }
  const record = strip(section.value(ctx, kind));
  if (!(record instanceof RecordValue)) {
    throw MError.expression(`The data source record ${kind} must be a record.`, kind);
  }
  const authentication = strip(record.fieldOrUndefined('Authentication') ?? null);
  const authenticationKinds =
    authentication instanceof RecordValue ? authentication.names.map(authenticationKindName) : [];
  const label = strip(record.fieldOrUndefined('Label') ?? null);
  const testConnection = strip(record.fieldOrUndefined('TestConnection') ?? null);
  return {
    kind,
    authenticationKinds,
    ...(typeof label === 'string' ? { label } : {}),
    supportsEncryption: strip(record.fieldOrUndefined('SupportsEncryption') ?? null) === true,
    ...(testConnection instanceof FunctionValue ? { testConnection } : {}),
  };
}
