import { defineFunction, MError, REASON, RecordValue, type LibraryEntry } from '@pqsdk/m-evaluator';

/**
 * The ODBC functions. pqsdk has no ODBC driver manager, so there is never a driver to connect
 * with: each call fails as the engine does on a machine where the connection string's driver is
 * not installed, with a `DataSource.Error` that says so. The connector code around the call (its
 * connection string, its options, `SqlCapabilities`, navigation) still evaluates, so the rest of
 * an ODBC-based connector can be run and tested.
 */
export const ODBC_FUNCTIONS: readonly LibraryEntry[] = [
  defineFunction(
    'Odbc.DataSource',
    '(connectionString as any, optional options as nullable record) as table',
    (_ctx, [connectionString]) => {
      throw noDriver('Odbc.DataSource', connectionString);
    },
  ),
  defineFunction(
    'Odbc.Query',
    '(connectionString as any, query as text, optional options as nullable record) as table',
    (_ctx, [connectionString]) => {
      throw noDriver('Odbc.Query', connectionString);
    },
  ),
  defineFunction(
    'Odbc.InferOptions',
    '(connectionString as any) as record',
    (_ctx, [connectionString]) => {
      throw noDriver('Odbc.InferOptions', connectionString);
    },
  ),
];

/** The error of a connection attempt without a driver, naming the driver the string asks for. */
function noDriver(name: string, connectionString: unknown): MError {
  const driver = driverName(connectionString);
  const which = driver === undefined ? 'the data source' : `the driver '${driver}'`;
  return MError.of(
    REASON.dataSource,
    `ODBC: ERROR [IM002] Data source name not found and no default driver specified: ${name} cannot connect to ${which}, because pqsdk runs no ODBC drivers.`,
    RecordValue.of([
      ['DataSourceKind', 'Odbc'],
      ['OdbcErrors', 'IM002'],
    ]),
  );
}

/** The `Driver` (or `DSN`) of a connection string given as text or as a record. */
function driverName(connectionString: unknown): string | undefined {
  if (typeof connectionString === 'string') {
    const match = /(?:^|;)\s*(driver|dsn)\s*=\s*(\{[^}]*\}|[^;]*)/i.exec(connectionString);
    return match?.[2]?.replace(/^\{|\}$/g, '').trim();
  }
  if (connectionString instanceof RecordValue) {
    for (const [index, field] of connectionString.names.entries()) {
      if (!/^(driver|dsn)$/i.test(field)) continue;
      const value: unknown = connectionString.at(index);
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return undefined;
}
