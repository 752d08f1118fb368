import {
  DateTimeZoneValue,
  DateValue,
  FunctionValue,
  ListValue,
  MError,
  RecordValue,
  strip,
  TimeValue,
  type Context,
  type PrimitiveTypeName,
  type Value,
} from '@pqsdk/m-evaluator';

/**
 * `Table.SelectRows` conditions as OData `$filter` expressions (OData v4 URL conventions §5.1.1).
 * The condition is read as the row expression tree that `RowExpression.From` returns (query-docs
 * `rowexpression-from.md`: `Constant`, `Invocation`, `Unary`, `Binary`, `If`, `FieldAccess`
 * nodes). Only what has the same meaning on both sides is translated: comparisons of a column with
 * a constant of the column's kind, `and`, `or`, `not`, `Text.StartsWith`, `Text.EndsWith`,
 * `Text.Contains` (two arguments) and `List.Contains` of a constant list. Anything else gives
 * undefined, and the rows are filtered locally.
 */

const COMPARISONS: Readonly<Record<string, string>> = {
  Equals: 'eq',
  NotEquals: 'ne',
  LessThan: 'lt',
  LessThanOrEquals: 'le',
  GreaterThan: 'gt',
  GreaterThanOrEquals: 'ge',
};

const TEXT_FUNCTIONS: Readonly<Record<string, string>> = {
  'Text.StartsWith': 'startswith',
  'Text.EndsWith': 'endswith',
  'Text.Contains': 'contains',
};

/** An OData expression and, for a column or a constant, the M kind of its values. */
interface Translated {
  readonly text: string;
  readonly kind: PrimitiveTypeName | 'constant-null' | undefined;
  readonly column: boolean;
}

function two(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function timeText(ticks: number): string {
  const seconds = Math.floor(ticks / 10_000_000);
  const fraction = ticks % 10_000_000;
  const text = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return fraction === 0 ? text : `${text}.${String(fraction).padStart(7, '0')}`;
}

function dateText(days: number): string {
  const { year, month, day } = new DateValue(days).civil;
  return `${two(year, 4)}-${two(month)}-${two(day)}`;
}

/** An M constant as an OData literal, or undefined when it has none. */
function literal(value: Value): Translated | undefined {
  const plain = strip(value);
  if (plain === null) return { text: 'null', kind: 'constant-null', column: false };
  if (typeof plain === 'string') {
    return { text: `'${plain.replace(/'/g, "''")}'`, kind: 'text', column: false };
  }
  if (typeof plain === 'number') {
    return Number.isFinite(plain)
      ? { text: String(plain), kind: 'number', column: false }
      : undefined;
  }
  if (typeof plain === 'boolean') return { text: String(plain), kind: 'logical', column: false };
  if (plain instanceof DateValue)
    return { text: dateText(plain.days), kind: 'date', column: false };
  if (plain instanceof TimeValue)
    return { text: timeText(plain.ticks), kind: 'time', column: false };
  if (plain instanceof DateTimeZoneValue) {
    const offset = plain.offsetMinutes;
    const zone =
      offset === 0
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
    return {
      text: `${dateText(plain.days)}T${timeText(plain.ticks)}${zone}`,
      kind: 'datetimezone',
      column: false,
    };
  }
  return undefined;
}

/** A logical operand as a condition: a logical column `c` becomes `c eq true`. */
function condition(operand: Translated): string {
  return operand.column ? `${operand.text} eq true` : operand.text;
}

/** An M value as an OData literal (`'text'`, `2024-06-21`, …), or undefined when it has none. */
export function odataLiteral(value: Value): string | undefined {
  return literal(value)?.text;
}

function field(record: RecordValue, name: string): Value {
  return record.layout.has(name) ? strip(record.field(name)) : null;
}

/** Translates a row expression into `$filter` text over the given columns and their kinds. */
export function filterText(
  ctx: Context,
  expression: Value,
  columns: ReadonlyMap<string, PrimitiveTypeName>,
): string | undefined {
  const visit = (node: Value): Translated | undefined => {
    const plain = strip(node);
    if (!(plain instanceof RecordValue)) return undefined;
    switch (field(plain, 'Kind')) {
      case 'Constant':
        return literal(field(plain, 'Value'));
      case 'FieldAccess': {
        const target = field(plain, 'Expression');
        const name = field(plain, 'MemberName');
        if (!(target instanceof RecordValue) || typeof name !== 'string') return undefined;
        const targetKind = field(target, 'Kind');
        if (targetKind === 'FieldAccess' || targetKind === 'Constant') return undefined;
        const kind = columns.get(name);
        if (kind === undefined) return undefined;
        return { text: name, kind, column: true };
      }
      case 'Unary': {
        const operand = visit(field(plain, 'Expression'));
        if (operand === undefined) return undefined;
        if (field(plain, 'Operator') === 'Not' && operand.kind === 'logical') {
          // `not [Flag]` is null for a null flag (the row is left out): `Flag eq false` agrees.
          // `not` of a comparison is not translated: M gives null (row left out) where a column
          // is null, OData `not (false)`, true.
          if (!operand.column) return undefined;
          return { text: `${operand.text} eq false`, kind: 'logical', column: false };
        }
        return undefined;
      }
      case 'Binary': {
        const operator = field(plain, 'Operator');
        const left = visit(field(plain, 'Left'));
        const right = visit(field(plain, 'Right'));
        if (left === undefined || right === undefined || typeof operator !== 'string') {
          return undefined;
        }
        if (operator === 'And' || operator === 'Or') {
          if (left.kind !== 'logical' || right.kind !== 'logical') return undefined;
          return {
            text: `(${condition(left)}) ${operator.toLowerCase()} (${condition(right)})`,
            kind: 'logical',
            column: false,
          };
        }
        const comparison = COMPARISONS[operator];
        if (comparison === undefined) return undefined;
        // A column against a constant of the column's kind (or null for = and <>): the same
        // meaning in M and in OData. Anything else is left to local evaluation.
        const [column, constant] = left.column ? [left, right] : [right, left];
        if (!column.column || constant.column) return undefined;
        const nullTest = constant.kind === 'constant-null';
        if (nullTest && comparison !== 'eq' && comparison !== 'ne') return undefined;
        if (!nullTest && constant.kind !== column.kind) return undefined;
        return { text: `${left.text} ${comparison} ${right.text}`, kind: 'logical', column: false };
      }
      case 'Invocation': {
        const fn = field(plain, 'Function');
        const callee = fn instanceof RecordValue ? field(fn, 'Value') : null;
        const name = callee instanceof FunctionValue ? callee.name : undefined;
        const args = field(plain, 'Arguments');
        if (name === undefined || !(args instanceof ListValue)) return undefined;
        const items = args.toArray(ctx);
        const odataFunction = TEXT_FUNCTIONS[name];
        if (odataFunction !== undefined && items.length === 2) {
          const [subject, needle] = items.map(visit);
          if (subject?.kind !== 'text' || needle?.kind !== 'text' || needle.column)
            return undefined;
          return {
            text: `${odataFunction}(${subject.text},${needle.text})`,
            kind: 'logical',
            column: false,
          };
        }
        if (name === 'List.Contains' && items.length === 2) {
          const listNode = strip(items[0] ?? null);
          const list = listNode instanceof RecordValue ? field(listNode, 'Value') : null;
          const subject = visit(items[1] ?? null);
          if (!(list instanceof ListValue) || subject?.column !== true) return undefined;
          const values = list.toArray(ctx).map(literal);
          if (values.length === 0) return undefined;
          if (values.some((value) => value?.kind !== subject.kind)) return undefined;
          return {
            text: values.map((value) => `${subject.text} eq ${value?.text ?? 'null'}`).join(' or '),
            kind: 'logical',
            column: false,
          };
        }
        return undefined;
      }
      default:
        return undefined;
    }
  };
  try {
    const result = visit(expression);
    return result?.kind === 'logical' ? condition(result) : undefined;
  } catch (error) {
    if (error instanceof MError) return undefined;
    throw error;
  }
}
