import {
  type ConnectorInfo,
  discoverDataSources,
  MashupEngine,
  normalizeDataSourcePath,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { UsageError } from '../usage-error.js';
import { describeError } from './run-test-report.js';
import {
  type ConnectorArgument,
  type EngineSettings,
  readQueryFile,
  requireConnector,
  userFacingError,
} from './pqtest-options.js';

/** A data source a credential verb acts on. */
export interface TargetDataSource {
  readonly kind: string;
  readonly path: string;
  /** The authentication kinds its record declares (empty when unknown). */
  readonly authenticationKinds: readonly string[];
  readonly label?: string;
}

/** The data sources a verb acts on, and the connector when one was loaded. */
export interface Targets {
  readonly dataSources: readonly TargetDataSource[];
  readonly connector?: ConnectorInfo;
  /** The connector of `-e`, when given. */
  readonly extension?: ConnectorArgument;
}

/** The options that name data sources: `-e` with `-q`, or `-dsk` with `-dsp`. */
export interface TargetOptions {
  readonly extension: string | undefined;
  readonly queryFile: string | undefined;
  readonly dataSourceKind: string | undefined;
  readonly dataSourcePath: string | undefined;
}

/** How {@link resolveTargets} works for a verb. */
export interface ResolveTargetsOptions {
  readonly helpCommand: string;
  readonly settings: EngineSettings;
  /** Load the connector even when the data source is named with `-dsk`/`-dsp`. */
  readonly needsConnector: boolean;
  /** The kind the user is setting, so that discovery tries it first. */
  readonly authenticationKind?: string;
}

/**
 * Finds the data sources a credential verb acts on, as PQTest does:
 * - `-dsk <kind> -dsp <path>` names one directly;
 * - `-e <connector> -q <query>` evaluates the query to find the data sources it calls, without
 *   sending any request or reading a secret (`discoverDataSources`).
 *
 * @throws {@link UsageError} for missing or conflicting options; {@link CommandFailure} when the
 * query calls no data source function.
 */
export async function resolveTargets(
  options: TargetOptions,
  io: CliIo,
  how: ResolveTargetsOptions,
): Promise<Targets> {
  const { helpCommand, settings } = how;
  const direct = options.dataSourceKind !== undefined || options.dataSourcePath !== undefined;
  if (direct) {
    if (options.queryFile !== undefined) {
      throw new UsageError(
        'PQSDK_BAD_OPTION_VALUE',
        `give the data source with -q <query> or with -dsk and -dsp, not both; run ${helpCommand}`,
      );
    }
    const kind = options.dataSourceKind;
    const path = options.dataSourcePath;
    if (kind === undefined || kind === '' || path === undefined || path === '') {
      throw new UsageError(
        'PQSDK_MISSING_ARGUMENT',
        `-dsk <kind> and -dsp <path> go together; run ${helpCommand}`,
      );
    }
    if (!how.needsConnector && options.extension === undefined) {
      return { dataSources: [{ kind, path, authenticationKinds: [] }] };
    }
    const extension = requireConnector(options.extension, io, helpCommand);
    const connector = await connectorInfo(extension, settings);
    const declared = connector.dataSources.find((dataSource) => dataSource.kind === kind);
    if (declared === undefined) {
      const kinds = connector.dataSources.map((dataSource) => dataSource.kind).join(', ');
      throw new CommandFailure(
        `the connector ${connector.name} has no data source kind ${kind}${kinds === '' ? '' : `; it has ${kinds}`}`,
      );
    }
    return {
      dataSources: [
        {
          kind,
          path,
          authenticationKinds: declared.authenticationKinds,
          ...(declared.label === undefined ? {} : { label: declared.label }),
        },
      ],
      connector,
      extension,
    };
  }

  const extension = requireConnector(options.extension, io, helpCommand);
  if (options.queryFile === undefined) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `name the data source with -q <query file> (or -dsk <kind> -dsp <path>); run ${helpCommand}`,
    );
  }
  const query = readQueryFile(options.queryFile, io, helpCommand);
  let discovery;
  try {
    discovery = await discoverDataSources(extension.path, query.text, {
      ...settings,
      ...(how.authenticationKind === undefined
        ? {}
        : { authenticationKind: how.authenticationKind }),
    });
  } catch (error) {
    throw userFacingError(error, extension.given);
  }
  if (discovery.dataSources.length === 0) {
    const why =
      discovery.error === undefined
        ? ''
        : `; it failed first with ${describeError(discovery.error)}`;
    throw new CommandFailure(
      `the query ${query.given} calls no data source function of ${discovery.connector.name}${why}`,
    );
  }
  return { dataSources: discovery.dataSources, connector: discovery.connector, extension };
}

async function connectorInfo(
  extension: ConnectorArgument,
  settings: EngineSettings,
): Promise<ConnectorInfo> {
  let engine: MashupEngine;
  try {
    engine = await MashupEngine.open(extension.path, settings);
  } catch (error) {
    throw userFacingError(error, extension.given);
  }
  try {
    return await engine.info();
  } finally {
    await engine.close();
  }
}

/** `HelloWorld at {"message":"Hi"}`, or `HelloWorld` for a singleton. */
export function describeDataSource(dataSource: { kind: string; path: string }): string {
  return normalizeDataSourcePath(dataSource.path) === normalizeDataSourcePath(dataSource.kind)
    ? dataSource.kind
    : `${dataSource.kind} at ${dataSource.path}`;
}
