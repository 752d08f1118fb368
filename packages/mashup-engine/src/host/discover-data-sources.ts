import type { ConnectorPackage } from '../connector/connector-package.js';
import { normalizeDataSourcePath } from '../credentials/data-source-path.js';
import type { ConnectorInfo } from '../evaluation/connector-info.js';
import type { DataSourceUse, ErrorReport } from '../evaluation/evaluation-result.js';
import type { CredentialFields, DataSourceId } from '../evaluation/protocol.js';
import { SecretNames, redactUrl } from '../http/secrets.js';
import type { HttpFailure, HttpRequest } from '../http/types.js';
import { MashupEngine, type MashupEngineOptions } from './mashup-engine.js';

/** Options of {@link discoverDataSources}: the engine's, without credentials, HTTP or traces. */
export interface DiscoverDataSourcesOptions extends Omit<
  MashupEngineOptions,
  'credentials' | 'http' | 'trace'
> {
  /**
   * The authentication kind of the stand-in credential, when the data source supports it (the
   * kind the user is about to set). Otherwise the first kind the data source record declares.
   */
  readonly authenticationKind?: string;
}

/** What {@link discoverDataSources} found. */
export interface DataSourceDiscovery {
  /** The connector, as `MashupEngine.info` describes it. */
  readonly connector: ConnectorInfo;
  /**
   * The data sources the query called, each once (by kind and normalized path), in the order of
   * their first call. `authenticationKind` is never set: no credential was used.
   */
  readonly dataSources: readonly DataSourceUse[];
  /**
   * Why the evaluation stopped, when it failed: typically a request that discovery refused to
   * send. The data sources called before that point are still reported.
   */
  readonly error?: ErrorReport;
}

/**
 * Finds the data sources a query uses, as PQTest does for `--queryFile`: the query is evaluated
 * with the connector, and every call of a data source function is noted with its kind and path.
 *
 * Nothing leaves the machine and no secret is read: every data source function gets a stand-in
 * credential without secrets (of a kind its record declares, so that the call goes ahead and
 * later calls are found too), and every HTTP request fails at once without being sent. The
 * evaluation therefore usually ends early (at the first request a data source function makes,
 * outside `try`); the data sources called up to then are what is reported.
 *
 * @throws {@link ConnectorLoadError} when the connector cannot be read or does not parse.
 *
 * @example
 * ```ts
 * const found = await discoverDataSources('examples/HelloWorld', 'HelloWorld.Contents("Hi")');
 * found.dataSources[0]; // { kind: 'HelloWorld', path: '{"message":"Hi"}', authenticationKinds: ['Anonymous'], … }
 * ```
 */
export async function discoverDataSources(
  connector: string | ConnectorPackage,
  query: string,
  options: DiscoverDataSourcesOptions = {},
): Promise<DataSourceDiscovery> {
  const { authenticationKind, ...engineOptions } = options;
  const declared = new Map<string, readonly string[]>();
  const engine = await MashupEngine.open(connector, {
    ...engineOptions,
    credentials: ({ kind }: DataSourceId) =>
      standInCredential(declared.get(kind) ?? [], authenticationKind),
    http: { send: (request) => Promise.resolve(refuse(request)) },
  });
  try {
    const info = await engine.info();
    for (const dataSource of info.dataSources) {
      declared.set(dataSource.kind, dataSource.authenticationKinds);
    }
    const result = await engine.evaluate(query);
    const seen = new Set<string>();
    const dataSources: DataSourceUse[] = [];
    for (const use of result.dataSources) {
      const key = `${use.kind}\u0000${normalizeDataSourcePath(use.path)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { authenticationKind: _credentialKind, ...withoutCredential } = use;
      dataSources.push(withoutCredential);
    }
    return {
      connector: info,
      dataSources,
      ...(result.ok ? {} : { error: result.error }),
    };
  } finally {
    await engine.close();
  }
}

/** A credential of a declared kind, with empty secrets: enough for the call to go ahead. */
function standInCredential(
  declared: readonly string[],
  requested: string | undefined,
): CredentialFields {
  const wanted = requested?.toLowerCase();
  const kind =
    declared.find((candidate) => candidate.toLowerCase() === wanted) ?? declared[0] ?? 'Anonymous';
  switch (kind) {
    case 'Key':
      return { AuthenticationKind: kind, Key: '', Password: '' };
    case 'UsernamePassword':
      return { AuthenticationKind: kind, Username: '', Password: '' };
    case 'OAuth':
    case 'Aad':
      return { AuthenticationKind: kind, access_token: '', Properties: {} };
    default:
      return { AuthenticationKind: kind };
  }
}

function refuse(request: HttpRequest): HttpFailure {
  const url = redactUrl(request.url, new SecretNames(request.secrets));
  return {
    ok: false,
    kind: 'cancelled',
    message: `${request.method} ${url} was not sent: the query is only being searched for its data sources.`,
    url,
    attempts: [],
  };
}
