import type { FoldEvent, FoldOutcome } from '@pqsdk/m-evaluator';

/**
 * The folding trace on the host side (DESIGN.md §6): every attempt of a `Table.*` function to hand
 * its operation to a `Table.View` handler, as the evaluation side reports it.
 */

/** A fold attempt, as the host receives it. */
export interface FoldingEvent extends FoldEvent {
  /** When the host received it (ISO 8601, the real clock). */
  readonly receivedAt: string;
}

/** The outcomes that mean an operation ran locally instead of in the data source. */
const DECLINED: ReadonlySet<FoldOutcome> = new Set(['declined-missing-handler', 'declined-error']);

/** Whether an attempt ended with the operation running locally (a folding failure). */
export function isFoldingFailure(event: FoldEvent): boolean {
  return DECLINED.has(event.outcome);
}

/**
 * One line per attempt, for people: `OnTake folded (take 5)`,
 * `OnSort declined: TideGauge: cannot sort after paging (sort Level)`.
 */
export function describeFolding(events: readonly FoldEvent[]): string[] {
  return events.map((event) => {
    const why =
      event.outcome === 'declined-error' || event.outcome === 'failed'
        ? `: ${event.error?.message ?? event.error?.reason ?? 'an error'}`
        : '';
    const outcome =
      event.outcome === 'declined-missing-handler'
        ? 'declined (no handler)'
        : event.outcome === 'declined-error'
          ? 'declined'
          : event.outcome;
    return `${event.handler} ${outcome}${why} (${event.description})`;
  });
}
