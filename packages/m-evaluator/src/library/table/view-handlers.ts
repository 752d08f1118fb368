import { MError } from '../../errors.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { TableValue, type TableOperation } from '../../values/table.js';
import { TYPE, type TypeValue } from '../../values/type.js';
import { describeKind, strip, type Value } from '../../values/value.js';
import { ORDER } from '../criteria.js';
import { JOIN_SIDE } from './join.js';
import { HANDLER_OF } from './view-trace.js';

/**
 * What a `Table.View` handler receives for each operation, and what it must return. The shapes
 * follow the Power Query SDK's handler reference (powerquery-docs `HandlingQueryFolding.md`, the
 * TripPin part 10 tutorial): `OnTake(count)`, `OnSkip(count)`, `OnSelectColumns(columns)`,
 * `OnRenameColumns(renames)` with `{old, new}` pairs, `OnSort(order)` with `[Name, Order]`
 * records, `OnDistinct(columns)`, `OnSelectRows(selector)` with the row function itself,
 * `OnAddColumns(constructors)` and `OnGroup(keys, aggregates)` with `[Name, Function, Type]`
 * records, `OnJoin(joinSide, leftTable, rightTable, joinKeys, joinKind)`, `GetRowCount()` and
 * `OnInvoke(function, arguments, index)`.
 */

const texts = (names: readonly string[]): ArrayList => ArrayList.of([...names]);

/** `[Name = …, Function = …, Type = …]`: a column of `OnAddColumns` or an aggregate of `OnGroup`. */
function constructorRecord(column: {
  readonly name: string;
  readonly function: FunctionValue;
  readonly type: TypeValue | null;
}): RecordValue {
  return RecordValue.of([
    ['Name', column.name],
    ['Function', column.function],
    ['Type', column.type ?? TYPE.any],
  ]);
}

/** The arguments of the handler an operation is offered to. */
export function handlerArguments(operation: TableOperation): Value[] {
  switch (operation.kind) {
    case 'take':
    case 'skip':
      return [operation.count];
    case 'selectColumns':
    case 'distinct':
      return [texts(operation.columns)];
    case 'renameColumns':
      return [ArrayList.of(operation.renames.map(([from, to]) => ArrayList.of([from, to])))];
    case 'sort':
      return [
        ArrayList.of(
          operation.order.map((level) =>
            RecordValue.of([
              ['Name', level.column],
              ['Order', level.ascending ? ORDER.ascending : ORDER.descending],
            ]),
          ),
        ),
      ];
    case 'selectRows':
      return [operation.predicate];
    case 'addColumns':
      return [ArrayList.of(operation.columns.map(constructorRecord))];
    case 'group':
      return [texts(operation.keys), ArrayList.of(operation.aggregates.map(constructorRecord))];
    case 'join': {
      const left = operation.left;
      if (left === undefined) {
        throw MError.expression('The join does not say which table is on its left.');
      }
      return [
        operation.side === 'right' ? JOIN_SIDE.right : JOIN_SIDE.left,
        left,
        operation.right,
        ArrayList.of(
          operation.leftKeys.map((name, index) =>
            RecordValue.of([
              ['Left', name],
              ['Right', operation.rightKeys[index] ?? null],
            ]),
          ),
        ),
        operation.joinKind,
      ];
    }
    case 'rowCount':
      return [];
    case 'invoke':
      return [operation.function, ArrayList.of([...operation.arguments]), operation.index];
  }
}

/**
 * Checks what a handler returned: a table for the table operations, a number for `GetRowCount`,
 * anything for `OnInvoke`. A wrong kind of value is an error, which declines the fold.
 */
export function checkedResult(operation: TableOperation, result: Value): Value {
  const plain = strip(result);
  const handler = HANDLER_OF[operation.kind];
  switch (operation.kind) {
    case 'invoke':
      return result;
    case 'rowCount':
      if (typeof plain === 'number') return plain;
      throw MError.expression(
        `The ${handler} handler returned ${describeKind(plain)}; it must return a number.`,
        plain,
      );
    default:
      if (plain instanceof TableValue) return plain;
      throw MError.expression(
        `The ${handler} handler returned ${describeKind(plain)}; it must return a table.`,
        plain,
      );
  }
}
