import { describe, expect, it } from 'vitest';
import type { FoldEvent } from '@pqsdk/m-evaluator';
import { describeFolding, isFoldingFailure } from './folding-event.js';

const event = (fields: Partial<FoldEvent> & Pick<FoldEvent, 'outcome'>): FoldEvent => ({
  operation: 'take',
  description: 'take 5',
  handler: 'OnTake',
  timestamp: '2024-03-05T12:00:00.000Z',
  durationMs: 1,
  ...fields,
});

describe('the folding trace', () => {
  it.each([
    [event({ outcome: 'folded' }), 'OnTake folded (take 5)', false],
    [event({ outcome: 'delegated' }), 'OnTake delegated (take 5)', false],
    [
      event({ outcome: 'declined-missing-handler', handler: 'OnSkip', description: 'skip 2' }),
      'OnSkip declined (no handler) (skip 2)',
      true,
    ],
    [
      event({
        outcome: 'declined-error',
        handler: 'OnSort',
        description: 'sort Level',
        error: { reason: 'Expression.Error', message: 'cannot sort after paging' },
      }),
      'OnSort declined: cannot sort after paging (sort Level)',
      true,
    ],
    [
      event({
        outcome: 'declined-error',
        handler: 'GetRowCount',
        description: 'rowCount',
        error: { reason: 'DataSource.Error', message: null },
      }),
      'GetRowCount declined: DataSource.Error (rowCount)',
      true,
    ],
    [
      event({ outcome: 'failed', error: { reason: 'DataSource.Error', message: 'refused' } }),
      'OnTake failed: refused (take 5)',
      false,
    ],
  ])('describes %j as %s', (attempt, line, failure) => {
    expect(describeFolding([attempt])).toEqual([line]);
    expect(isFoldingFailure(attempt)).toBe(failure);
  });
});
