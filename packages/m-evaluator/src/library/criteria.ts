import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { equals } from '../operators/compare.js';
import { compareValues } from '../operators/ordering.js';
import { FunctionValue } from '../values/function.js';
import { ArrayList, ListValue } from '../values/list.js';
import { strip, type Value } from '../values/value.js';
import { typeError } from './arguments.js';
import { textComparison } from './comparer.js';
import { hashKey, hashPart } from './list/key-map.js';

export { hashKey, KeyMap } from './list/key-map.js';

/**
 * The criteria of the list and table functions (query-docs, "List functions", "Comparison
 * criteria" and "Equation criteria"), compiled once per call into JavaScript functions.
 *
 * Comparison criteria (List.Sort, List.Max/Min, List.MaxN/MinN, List.Median, Table.Sort, …):
 * - `null`: the values in ascending order (`compareValues`);
 * - `Order.Ascending` (0) or `Order.Descending` (1);
 * - a function of one parameter: a key selector (`each [Date]`), keys in ascending order;
 * - a function of two or more parameters: a comparer `(x, y) => -1 | 0 | 1` (`Value.Compare`);
 * - a list `{keySelectorOrComparer, Order.Descending}`: a key or comparer with an order;
 * - a list of any of the above: the first criterion, then the next for ties, and so on.
 *
 * Equation criteria (List.Distinct, List.Contains, List.PositionOf, List.Union, …):
 * - `null`: the `=` operator;
 * - a function of one parameter: a key selector, keys compared with `=`;
 * - a function of two or more parameters: a comparer (`Comparer.OrdinalIgnoreCase`, or any
 *   function that returns 0 or `true` for equal values);
 * - a list `{keySelector, comparer}`.
 *
 * Callers that know other forms (a column name in Table.Sort or Table.Distinct) pass `keyOf`,
 * which turns such a criterion into a key of an item.
 */

/** The values of `Order.Ascending` and `Order.Descending`. */
export const ORDER = { ascending: 0, descending: 1 } as const;

/** How the M functions of a criterion see an item, and how to read forms only the caller knows. */
export interface CriteriaOptions<T> {
  /**
   * The value a key selector or comparer receives for an item. Default: the item itself (for
   * lists of values); Table functions pass the row as a record.
   */
  readonly asValue?: (item: T) => Value;
  /**
   * Turns a criterion that is not a function, an order or a list (such as a column name) into the
   * key of an item. Return undefined to reject it (the criteria error is raised).
   */
  readonly keyOf?: (criterion: Value) => ((item: T) => Value) | undefined;
}

/** An item with its sort keys computed (see {@link Comparison.keyed}). */
export interface Keyed<T> {
  readonly item: T;
  readonly keys: readonly Value[];
}

/** Compiled comparison criteria: the order of two items, and a stable sort. */
export interface Comparison<T> {
  /** Negative when `left` comes first, positive when `right` does, zero for ties. */
  readonly compare: (left: T, right: T) => number;
  /** An item with its keys computed once, for repeated comparisons (a running maximum). */
  readonly keyed: (item: T) => Keyed<T>;
  /** `compare` for items whose keys are computed. */
  readonly compareKeyed: (left: Keyed<T>, right: Keyed<T>) => number;
  /**
   * The items sorted (a new array; ties keep their order), descending when asked. Each key
   * selector runs once per item.
   */
  readonly sort: (items: readonly T[], descending?: boolean) => T[];
}

/** Compiled equation criteria: the key each item is compared by, and how keys are compared. */
export interface Equation<T> {
  /** The key of an item: the item itself, what the key selector returns, or a list of keys. */
  readonly key: (item: T) => Value;
  /** Whether two keys are equal. */
  readonly equals: (leftKey: Value, rightKey: Value) => boolean;
  /**
   * A hash of a key, equal for equal keys (different keys may share one), or undefined when the
   * criteria use a comparer whose notion of equality is unknown: such keys are compared pairwise.
   */
  readonly hash: ((key: Value) => unknown) | undefined;
  /**
   * An order consistent with `equals`, when one is known (a built-in `Comparer.*`): keys are then
   * found by binary search. Undefined otherwise.
   */
  readonly order: ((leftKey: Value, rightKey: Value) => number) | undefined;
}

/** The error for criteria of a form that isn't accepted. */
export function criteriaError(kind: 'comparison' | 'equation', criterion: Value): MError {
  return MError.expression(
    kind === 'comparison'
      ? 'The comparison criteria must be an Order value, a key selector, a comparer function, or a list of these.'
      : 'The equation criteria must be a key selector, a comparer function, or a list of a key selector and a comparer.',
    strip(criterion),
  );
}

function parameterCount(fn: FunctionValue): number {
  const shape = fn.type.shape;
  return shape.kind === 'function' ? shape.parameters.length : 0;
}

/** Whether a value is a comparer: a function of two or more parameters. */
export function isComparer(value: Value): value is FunctionValue {
  const plain = strip(value);
  return plain instanceof FunctionValue && parameterCount(plain) >= 2;
}

function identity(item: unknown): Value {
  return item as Value;
}

/** The order a comparer returns: its sign (a non-number result is an error). */
function comparerOrder(result: Value): number {
  const plain = strip(result);
  if (typeof plain !== 'number') throw typeError(plain, 'number');
  return plain < 0 ? -1 : plain > 0 ? 1 : 0;
}

/** Whether a comparer's result means equal: 0, or `true` for equality functions. */
function comparerEquality(result: Value): boolean {
  const plain = strip(result);
  if (typeof plain === 'boolean') return plain;
  if (typeof plain === 'number') return plain === 0;
  throw typeError(plain, 'number');
}

function readOrder(value: Value, criteria: Value): boolean {
  const plain = strip(value);
  if (plain === null) return false;
  if (plain === ORDER.ascending) return false;
  if (plain === ORDER.descending) return true;
  if (typeof plain === 'number') {
    throw MError.expression(
      'The order must be Order.Ascending (0) or Order.Descending (1).',
      plain,
    );
  }
  throw criteriaError('comparison', criteria);
}

// ---------------------------------------------------------------------------------------------
// Comparison criteria

type Level<T> =
  | {
      readonly kind: 'key';
      readonly key: ((item: T) => Value) | null;
      readonly descending: boolean;
    }
  | { readonly kind: 'comparer'; readonly fn: FunctionValue; readonly descending: boolean };

function comparisonLevel<T>(
  ctx: Context,
  criterion: Value,
  descending: boolean,
  asValue: (item: T) => Value,
  options: CriteriaOptions<T>,
  whole: Value,
): Level<T> {
  const plain = strip(criterion);
  if (plain instanceof FunctionValue) {
    if (parameterCount(plain) >= 2) return { kind: 'comparer', fn: plain, descending };
    if (parameterCount(plain) === 1) {
      return { kind: 'key', key: (item) => plain.call1(ctx, asValue(item)), descending };
    }
    throw criteriaError('comparison', whole);
  }
  const key = options.keyOf?.(plain);
  if (key === undefined) throw criteriaError('comparison', whole);
  return { kind: 'key', key, descending };
}

function comparisonLevels<T>(
  ctx: Context,
  criteria: Value,
  asValue: (item: T) => Value,
  options: CriteriaOptions<T>,
): Level<T>[] {
  const plain = strip(criteria);
  if (plain === null) return [{ kind: 'key', key: null, descending: false }];
  if (typeof plain === 'number') {
    return [{ kind: 'key', key: null, descending: readOrder(plain, criteria) }];
  }
  if (!(plain instanceof ListValue)) {
    return [comparisonLevel(ctx, plain, false, asValue, options, criteria)];
  }
  const items = plain.toArray(ctx).map(strip);
  const pair = pairWithOrder(items);
  if (pair !== undefined) {
    return [
      comparisonLevel(ctx, pair[0], readOrder(pair[1], criteria), asValue, options, criteria),
    ];
  }
  return items.map((item): Level<T> => {
    if (typeof item === 'number')
      return { kind: 'key', key: null, descending: readOrder(item, criteria) };
    if (item instanceof ListValue) {
      const inner = item.toArray(ctx).map(strip);
      const innerPair = pairWithOrder(inner);
      if (innerPair !== undefined) {
        return comparisonLevel(
          ctx,
          innerPair[0],
          readOrder(innerPair[1], criteria),
          asValue,
          options,
          criteria,
        );
      }
      if (inner.length === 1) {
        return comparisonLevel(ctx, inner[0] as Value, false, asValue, options, criteria);
      }
      throw criteriaError('comparison', criteria);
    }
    return comparisonLevel(ctx, item, false, asValue, options, criteria);
  });
}

/** `{criterion, order}`: two items, the second a number (or null), the first not one. */
function pairWithOrder(items: readonly Value[]): [Value, Value] | undefined {
  if (items.length !== 2) return undefined;
  const [first, second] = items as [Value, Value];
  if (typeof first === 'number' || first instanceof ListValue) return undefined;
  if (typeof second !== 'number' && second !== null) return undefined;
  return [first, second];
}

/**
 * Compiles comparison criteria. `compare` computes keys as it goes; `sort` computes each item's
 * keys once and sorts stably.
 *
 * @example
 * ```ts
 * const order = compileComparison(ctx, criteria);
 * const sorted = order.sort(list.toArray(ctx));
 * ```
 */
export function compileComparison<T = Value>(
  ctx: Context,
  criteria: Value,
  options: CriteriaOptions<T> = {},
): Comparison<T> {
  const asValue = options.asValue ?? identity;
  const levels = comparisonLevels(ctx, criteria, asValue, options);
  const compareWith = (
    left: T,
    right: T,
    leftKeys: readonly Value[] | null,
    rightKeys: readonly Value[] | null,
  ): number => {
    for (let index = 0; index < levels.length; index++) {
      const level = levels[index] as Level<T>;
      let order: number;
      if (level.kind === 'comparer') {
        order = comparerOrder(level.fn.call2(ctx, asValue(left), asValue(right)));
      } else if (leftKeys !== null && rightKeys !== null) {
        order = compareValues(leftKeys[index] as Value, rightKeys[index] as Value);
      } else if (level.key === null) {
        order = compareValues(asValue(left), asValue(right));
      } else {
        order = compareValues(level.key(left), level.key(right));
      }
      if (order !== 0) return level.descending ? -order : order;
    }
    return 0;
  };
  const keyed = (item: T): Keyed<T> => ({
    item,
    keys: levels.map((level) =>
      level.kind === 'key' ? (level.key === null ? asValue(item) : level.key(item)) : null,
    ),
  });
  const compareKeyed = (left: Keyed<T>, right: Keyed<T>): number =>
    compareWith(left.item, right.item, left.keys, right.keys);
  return {
    compare: (left, right) => compareWith(left, right, null, null),
    keyed,
    compareKeyed,
    sort: (items, descending = false) => {
      ctx.checkNow();
      const sign = descending ? -1 : 1;
      if (levels.length === 1) {
        const level = levels[0] as Level<T>;
        if (level.kind === 'key' && level.key === null) {
          const direction = level.descending ? -sign : sign;
          return items.slice().sort((a, b) => {
            ctx.tick();
            return direction * compareValues(asValue(a), asValue(b));
          });
        }
      }
      const decorated = items.map((item) => {
        ctx.tick();
        return keyed(item);
      });
      decorated.sort((a, b) => {
        ctx.tick();
        return sign * compareKeyed(a, b);
      });
      return decorated.map((entry) => entry.item);
    },
  };
}

/** Comparison criteria as a comparison function of two values. */
export function comparisonFunction(
  ctx: Context,
  criteria: Value,
): (left: Value, right: Value) => number {
  return compileComparison(ctx, criteria).compare;
}

// ---------------------------------------------------------------------------------------------
// Equation criteria

interface Component<T> {
  readonly key: ((item: T) => Value) | null;
  readonly comparer: FunctionValue | null;
}

function equationComponent<T>(
  ctx: Context,
  criterion: Value,
  asValue: (item: T) => Value,
  options: CriteriaOptions<T>,
  whole: Value,
): Component<T> {
  const plain = strip(criterion);
  if (plain instanceof FunctionValue) {
    const count = parameterCount(plain);
    if (count >= 2) return { key: null, comparer: plain };
    if (count === 1) return { key: (item) => plain.call1(ctx, asValue(item)), comparer: null };
    throw criteriaError('equation', whole);
  }
  if (plain instanceof ListValue) {
    const items = plain.toArray(ctx);
    if (items.length === 2 && isComparer(items[1] as Value)) {
      const selector = equationComponent(ctx, items[0] as Value, asValue, options, whole);
      if (selector.comparer !== null) throw criteriaError('equation', whole);
      return { key: selector.key, comparer: strip(items[1] as Value) as FunctionValue };
    }
    throw criteriaError('equation', whole);
  }
  const key = options.keyOf?.(plain);
  if (key === undefined) throw criteriaError('equation', whole);
  return { key, comparer: null };
}

function equationComponents<T>(
  ctx: Context,
  criteria: Value,
  asValue: (item: T) => Value,
  options: CriteriaOptions<T>,
): Component<T>[] {
  const plain = strip(criteria);
  if (plain === null) return [{ key: null, comparer: null }];
  if (!(plain instanceof ListValue)) {
    return [equationComponent(ctx, plain, asValue, options, criteria)];
  }
  const items = plain.toArray(ctx);
  if (items.length === 2 && isComparer(items[1] as Value) && !isComparer(items[0] as Value)) {
    return [equationComponent(ctx, plain, asValue, options, criteria)];
  }
  if (options.keyOf === undefined || items.length === 0) throw criteriaError('equation', criteria);
  // Several keys (column names, or {column, comparer} pairs): items are equal when every key is.
  return items.map((item) => equationComponent(ctx, item, asValue, options, criteria));
}

/** Whether a comparer is `Comparer.Ordinal`, whose equality is `=` on values. */
function isOrdinal(fn: FunctionValue): boolean {
  return textComparison(fn).kind === 'ordinal';
}

/**
 * Whether a comparer is one of the library's (`Comparer.Ordinal`, `Comparer.OrdinalIgnoreCase`, or
 * made by `Comparer.FromCulture`): a consistent total order, so keys can be binary-searched.
 */
function isLibraryComparer(fn: FunctionValue): boolean {
  return textComparison(fn).kind !== 'function';
}

/**
 * Compiles equation criteria.
 *
 * @example
 * ```ts
 * const equation = compileEquation(ctx, criteria);
 * const seen = new KeyMap<true>(equation);
 * if (!seen.has(equation.key(item))) seen.set(equation.key(item), true);
 * ```
 */
export function compileEquation<T = Value>(
  ctx: Context,
  criteria: Value,
  options: CriteriaOptions<T> = {},
): Equation<T> {
  const asValue = options.asValue ?? identity;
  const components = equationComponents(ctx, criteria, asValue, options);
  const componentEquals = (component: Component<T>, left: Value, right: Value): boolean =>
    component.comparer === null || isOrdinal(component.comparer)
      ? equals(ctx, left, right)
      : comparerEquality(component.comparer.call2(ctx, left, right));
  const hashable = components.every(
    (component) => component.comparer === null || isOrdinal(component.comparer),
  );
  if (components.length === 1) {
    const component = components[0] as Component<T>;
    const select = component.key;
    const comparer = component.comparer;
    return {
      key: select === null ? asValue : select,
      equals: (left, right) => componentEquals(component, left, right),
      hash: hashable ? hashKey : undefined,
      order:
        comparer !== null && isLibraryComparer(comparer)
          ? (left, right) => comparerOrder(comparer.call2(ctx, left, right))
          : undefined,
    };
  }
  return {
    key: (item) =>
      ArrayList.of(
        components.map((component) =>
          component.key === null ? asValue(item) : component.key(item),
        ),
      ),
    equals: (left, right) => {
      const leftKeys = (left as ArrayList).slots as Value[];
      const rightKeys = (right as ArrayList).slots as Value[];
      return components.every((component, index) =>
        componentEquals(component, leftKeys[index] as Value, rightKeys[index] as Value),
      );
    },
    hash: hashable
      ? (key) => ((key as ArrayList).slots as Value[]).map((part) => hashPart(part)).join('\u0001')
      : undefined,
    order: undefined,
  };
}

/** Equation criteria as an equality function of two values. */
export function equalityFunction(
  ctx: Context,
  criteria: Value,
): (left: Value, right: Value) => boolean {
  const equation = compileEquation(ctx, criteria);
  return (left, right) => equation.equals(equation.key(left), equation.key(right));
}
