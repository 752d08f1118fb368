import type { SectionDocument } from '@pqsdk/m-ast';
import {
  Engine,
  EvaluationAbortedError,
  FunctionValue,
  guard,
  ListValue,
  MError,
  printValue,
  RecordValue,
  STANDARD_LIBRARY,
  strip,
  TableValue,
  BinaryValue,
  type Context,
  type FoldEvent,
  type LibraryEntry,
  type LoadedSection,
  type Tracer,
  type Value,
} from '@pqsdk/m-evaluator';
import { parse } from '@pqsdk/m-parser';
import type { ConnectorPackage } from '../connector/connector-package.js';
import { bindDataSourceFunctions } from '../datasource/data-source-function.js';
import { readDataSourceRecord } from '../datasource/data-source-record.js';
import { extensionLibrary } from '../extension/extension-library.js';
import { EvaluationServices, type HostCalls } from '../extension/services.js';
import { HostCallError } from '../rpc/sync-call.js';
import type { EvaluationReply, ErrorReport } from './evaluation-result.js';
import { failureCodeOf, runOAuthCall } from '../oauth/oauth-calls.js';
import type { OAuthCall, OAuthReply } from '../oauth/types.js';
import { connectorInfo, type ConnectorInfo } from './connector-info.js';
import { engineErrorReport, errorReport, valueReport } from './plain-value.js';
import type { DataSourceId, EvaluationSettings, LoadFailure } from './protocol.js';

/** The reason of an evaluation stopped by its time limit (as `pqsdk eval` names it). */
export const TIMEOUT_REASON = 'PQSDK.Timeout';
/** The reason of a failure of the host (a credential store or an HTTP client that threw). */
export const HOST_ERROR_REASON = 'PQSDK.HostError';
/** The reason of a bug in pqsdk met during an evaluation. */
export const INTERNAL_ERROR_REASON = 'PQSDK.InternalError';

/** What TestConnection gave. */
export type TestConnectionReply =
  | {
      readonly ok: true;
      readonly dataSource: DataSourceId;
      /** The call TestConnection asked for, as M text: `F("a", 1)`. */
      readonly invocation: string;
      /** The kind of value the call returned. */
      readonly valueKind: string;
    }
  | { readonly ok: false; readonly dataSource: DataSourceId; readonly error: ErrorReport };

/**
 * The evaluation side of one connector (DESIGN.md §1–2): its section document loaded into an
 * engine with the standard library and the connector's extension library, and the commands the
 * host sends (evaluate a query, describe the connector, run TestConnection).
 */
export class ConnectorEvaluator {
  readonly services: EvaluationServices;
  readonly #library: readonly LibraryEntry[];
  readonly #engine: Engine;
  #document: SectionDocument | undefined;
  #section: LoadedSection | undefined;

  constructor(
    readonly connector: ConnectorPackage,
    readonly settings: EvaluationSettings,
    host: HostCalls,
    readonly tracer: Tracer,
    /** Receives the folding trace of `Table.View` (DESIGN.md §6). */
    readonly onFold?: (event: FoldEvent) => void,
  ) {
    this.services = new EvaluationServices(connector, settings, host);
    this.#library = [...STANDARD_LIBRARY, ...extensionLibrary(this.services)];
    this.#engine = new Engine({ library: this.#library });
  }

  /** Parses and loads the section document; a syntax error is returned, not thrown. */
  load(): LoadFailure | undefined {
    const result = parse(this.connector.sectionText, { mode: 'section' });
    const first = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (!result.ok || result.ast?.kind !== 'SectionDocument' || first !== undefined) {
      const file = this.connector.sectionFile;
      const line = first?.span.line ?? 1;
      const column = first?.span.column ?? 1;
      return {
        code: 'PQSDK_CONNECTOR_SYNTAX',
        message: `${file}:${String(line)}:${String(column)} ${first?.message ?? 'the section document does not parse'}`,
        file,
        line,
        column,
      };
    }
    this.#document = bindDataSourceFunctions(result.ast);
    this.#section = this.#engine.loadSection(this.#document);
    this.services.section = this.#section;
    return undefined;
  }

  get section(): LoadedSection {
    if (this.#section === undefined) throw new Error('the connector is not loaded');
    return this.#section;
  }

  #context(
    engine: Engine,
    timeoutMs: number | undefined,
    folding: { readonly failOnFoldingFailure?: boolean } = {},
  ): Context {
    this.services.begin();
    return engine.createContext({
      ...(this.onFold === undefined ? {} : { onFold: this.onFold }),
      ...(folding.failOnFoldingFailure === true ? { failOnFoldingFailure: true } : {}),
      culture: this.settings.culture,
      ...(this.settings.nowMs === undefined ? {} : { now: new Date(this.settings.nowMs) }),
      ...(this.settings.seed === undefined ? {} : { seed: this.settings.seed }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      trace: this.tracer,
    });
  }

  /**
   * Evaluates a query document: an expression (a `let` included), or a section document. For a
   * section document, the value is its one shared member, or the record of its shared members
   * when it has several (all its members when none is shared).
   */
  evaluate(
    query: string,
    timeoutMs?: number,
    folding: { readonly failOnFoldingFailure?: boolean } = {},
  ): EvaluationReply {
    const parsed = parse(query, { mode: 'auto' });
    const section = parsed.ok && parsed.ast?.kind === 'SectionDocument' ? parsed.ast : undefined;
    const engine = section === undefined ? this.#engine : this.#sectionEngine();
    const ctx = this.#context(engine, timeoutMs, folding);
    const reply = this.#run(ctx, timeoutMs, () => {
      const value =
        section === undefined
          ? engine.evaluateIn(ctx, query)
          : this.#sectionValue(ctx, engine, section);
      return { ok: true as const, value: valueReport(ctx, value) };
    });
    return { ...reply, dataSources: this.services.dataSourcesUsed };
  }

  #sectionEngine(): Engine {
    const engine = new Engine({ library: this.#library });
    if (this.#document !== undefined) engine.loadSection(this.#document);
    return engine;
  }

  #sectionValue(ctx: Context, engine: Engine, document: SectionDocument): Value {
    const section = engine.loadSection(document);
    const shared = section.members.filter((member) => member.shared);
    const members = shared.length === 0 ? section.members : shared;
    const [only] = members;
    if (members.length === 1 && only !== undefined) return section.value(ctx, only.name);
    return RecordValue.of(members.map((member) => [member.name, section.value(ctx, member.name)]));
  }

  #run<T extends object>(
    ctx: Context,
    timeoutMs: number | undefined,
    run: () => T,
  ): T | { readonly ok: false; readonly error: ErrorReport } {
    try {
      return guard(run);
    } catch (error) {
      if (error instanceof MError) {
        try {
          return { ok: false, error: errorReport(ctx, error) };
        } catch (inner) {
          return { ok: false, error: failureReport(inner, timeoutMs) };
        }
      }
      return { ok: false, error: failureReport(error, timeoutMs) };
    }
  }

  /** What the connector declares: its members, data sources and publish records. */
  info(): ConnectorInfo {
    const ctx = this.#context(this.#engine, undefined);
    return connectorInfo(ctx, this.section, this.#document);
  }

  /**
   * Runs the data source record's `TestConnection(dataSourcePath)` and the call it returns (the
   * name of a shared function and its arguments), in the data source's scope.
   */
  testConnection(dataSource: DataSourceId, timeoutMs?: number): TestConnectionReply {
    const ctx = this.#context(this.#engine, timeoutMs);
    const reply = this.#run(ctx, timeoutMs, () => {
      const record = readDataSourceRecord(ctx, this.section, dataSource.kind);
      if (record.testConnection === undefined) {
        throw MError.expression(
          `The data source record ${dataSource.kind} has no TestConnection function.`,
          dataSource.kind,
        );
      }
      const call = strip(record.testConnection.invoke(ctx, [dataSource.path]));
      const items = call instanceof ListValue ? call.toArray(ctx) : [];
      const [head, ...args] = items;
      const name = strip(head ?? null);
      if (typeof name !== 'string') {
        throw MError.expression(
          'TestConnection must return a list whose first item is the name of a shared function, followed by its arguments.',
          call,
        );
      }
      const target = strip(this.section.value(ctx, name));
      if (!(target instanceof FunctionValue)) {
        throw MError.expression(`TestConnection names ${name}, which is not a function.`, name);
      }
      const value = target.invoke(ctx, args);
      forceShallowly(ctx, value);
      const invocation = `${name}(${args.map((arg) => printValue(ctx, arg)).join(', ')})`;
      return { ok: true as const, invocation, valueKind: kindOf(value) };
    });
    return { ...reply, dataSource };
  }

  // #region OAuth (src/oauth/)
  /**
   * Runs one step of an OAuth flow (`StartLogin`, `FinishLogin` or `Refresh` of a data source
   * kind's OAuth record) outside any data source scope; see `src/oauth/`.
   */
  oauth(call: OAuthCall, timeoutMs?: number): OAuthReply {
    const ctx = this.#context(this.#engine, timeoutMs);
    const reply = this.#run(ctx, timeoutMs, () =>
      runOAuthCall(ctx, this.section, call, (text) => this.#engine.evaluateIn(ctx, text)),
    );
    return reply.ok || 'code' in reply
      ? reply
      : { ok: false, code: failureCodeOf(call.step), error: reply.error };
  }
  // #endregion OAuth
}

function kindOf(value: Value): string {
  const plain = strip(value);
  return plain === null ? 'null' : typeof plain === 'object' ? plain.kind : typeof plain;
}

/** Makes a value's first part happen: a table's first row, a list's first item, a binary's bytes. */
function forceShallowly(ctx: Context, value: Value): void {
  const plain = strip(value);
  if (plain instanceof TableValue) plain.cursor(ctx).next();
  else if (plain instanceof ListValue) plain.cursor(ctx).next();
  else if (plain instanceof BinaryValue) readBytes(plain);
}

/** Reads a binary's bytes (a `Web.Contents` binary fetches them). */
function readBytes(binary: BinaryValue): number {
  return binary.bytes.length;
}

function failureReport(error: unknown, timeoutMs: number | undefined): ErrorReport {
  if (error instanceof EvaluationAbortedError) {
    return error.why === 'timeout'
      ? engineErrorReport(
          TIMEOUT_REASON,
          `The evaluation did not finish${timeoutMs === undefined ? '' : ` within ${String(timeoutMs)} ms`}.`,
        )
      : engineErrorReport('PQSDK.Cancelled', 'The evaluation was cancelled.');
  }
  if (error instanceof HostCallError) return engineErrorReport(HOST_ERROR_REASON, error.message);
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? null) : null;
  return engineErrorReport(INTERNAL_ERROR_REASON, `A bug in pqsdk: ${message}`, stack);
}
