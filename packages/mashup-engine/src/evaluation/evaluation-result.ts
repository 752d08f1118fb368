import type { TraceEntry } from '@pqsdk/m-evaluator';
import type { FoldingEvent } from '../view/folding-event.js';
import type { Json } from './protocol.js';

/** A data source a query used, for PQTest's `DataSourceAnalysis`. */
export interface DataSourceUse {
  /** The data source kind. */
  readonly kind: string;
  /** The data source path. */
  readonly path: string;
  /** The authentication kinds the data source record declares. */
  readonly authenticationKinds: readonly string[];
  /** The authentication kind of the credential used, when one was found. */
  readonly authenticationKind?: string;
  /** The data source record's `Label`, when it has one. */
  readonly label?: string;
}

/** An M error as plain data: the fields of its error record. */
export interface ErrorReport {
  /** The reason; null when the raised error record had none. */
  readonly reason: string | null;
  readonly message: string | null;
  /** The detail as an M literal, or null when there is none. */
  readonly detail: string | null;
  /** The detail as JSON (see {@link ValueReport.json}), or null. */
  readonly detailJson: Json;
  readonly messageFormat: string | null;
  /** `Message.Parameters` as an M literal, or null. */
  readonly messageParameters: string | null;
}

/** A value as plain data. */
export interface ValueReport {
  /** The primitive type the value belongs to: `table`, `record`, `number`, … */
  readonly kind: string;
  /** The value as an M literal (the `.pqout` style). */
  readonly literal: string;
  /**
   * The value as JSON: null, logical, number and text as they are; records as objects; lists as
   * arrays; tables as arrays of row objects; other values (dates, durations, binaries, types,
   * functions) as their M literal text; numbers that JSON cannot hold as text.
   */
  readonly json: Json;
  /** For a table: its column names. */
  readonly columns?: readonly string[];
}

/** What evaluating a query gave, before the host adds times and traces. */
export type EvaluationReply =
  | {
      readonly ok: true;
      readonly value: ValueReport;
      readonly dataSources: readonly DataSourceUse[];
    }
  | {
      readonly ok: false;
      readonly error: ErrorReport;
      readonly dataSources: readonly DataSourceUse[];
    };

/** A trace written during an evaluation, as the host receives it. */
export interface EngineTraceEvent extends TraceEntry {
  /** When the host received it (ISO 8601, the real clock). */
  readonly receivedAt: string;
}

/** What `MashupEngine.evaluate` resolves to. */
export type EvaluationResult = EvaluationReply & {
  /** When the evaluation started (ISO 8601). */
  readonly startTime: string;
  /** When it ended (ISO 8601). */
  readonly endTime: string;
  /** The traces written during the evaluation, in order. */
  readonly traces: readonly EngineTraceEvent[];
  /**
   * The folding trace (DESIGN.md §6): every attempt to hand a table operation to a `Table.View`
   * handler during the evaluation, in order.
   */
  readonly folding: readonly FoldingEvent[];
};
