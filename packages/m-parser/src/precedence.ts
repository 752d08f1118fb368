import type { BinaryOperator } from '@pqsdk/m-ast';

/**
 * Precedence of the binary operators, and of `as` and `is`; higher binds tighter (the grammar
 * parses and the printer brackets by this table).
 */
export const PRECEDENCE: Readonly<Record<BinaryOperator | 'as' | 'is', number>> = {
  meta: 11,
  '*': 10,
  '/': 10,
  '+': 9,
  '-': 9,
  '&': 9,
  '<': 8,
  '<=': 8,
  '>': 8,
  '>=': 8,
  '=': 7,
  '<>': 7,
  as: 6,
  is: 5,
  and: 4,
  or: 3,
  '??': 2,
};
