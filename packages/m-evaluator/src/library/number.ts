import { MError } from '../errors.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asNumber, asNumberOrNull, asTextOrNull, typeError } from './arguments.js';
import { numberFrom } from './conversion.js';
import { roundNumber } from './conversion-number.js';
import { cultureArgument, numberFromText } from './conversion-parse.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';
import { cut, ROUNDING_MODES, toDecimal, toNumber, type TieMode } from './format/decimal.js';
import { formatNumber } from './format/number-format.js';

/** `Number.*`: arithmetic, rounding, conversion and formatting of numbers. */

/** A one-argument function of a nullable number. */
function unary(name: string, apply: (value: number) => number): LibraryEntry {
  return defineFunction(
    name,
    '(number as nullable number) as nullable number',
    (_ctx, [number]) => {
      const value = asNumberOrNull(number);
      return value === null ? null : apply(value);
    },
  );
}

/** A two-argument function of nullable numbers (null if either is null). */
function binary(
  name: string,
  first: string,
  second: string,
  apply: (left: number, right: number) => number,
): LibraryEntry {
  return defineFunction(
    name,
    `(${first} as nullable number, ${second} as nullable number) as nullable number`,
    (_ctx, [left, right]) => {
      const a = asNumberOrNull(left);
      const b = asNumberOrNull(right);
      return a === null || b === null ? null : apply(a, b);
    },
  );
}

/** The tie mode of a `RoundingMode.*` argument (null: the default). */
export function tieModeOf(value: Value, fallback: TieMode = 'toEven'): TieMode {
  const mode = asNumberOrNull(value);
  if (mode === null) return fallback;
  const tie = Number.isInteger(mode) ? ROUNDING_MODES[mode] : undefined;
  if (tie === undefined) {
    throw MError.expression(
      'The rounding mode must be one of the RoundingMode values (0 to 4).',
      mode,
    );
  }
  return tie;
}

/** Whether a `Precision.*` argument asks for decimal precision. */
function isDecimalPrecision(value: Value): boolean {
  const precision = asNumberOrNull(value);
  if (precision === null || precision === 0) return false;
  if (precision === 1) return true;
  throw MError.expression(
    'The precision must be Precision.Double or Precision.Decimal.',
    precision,
  );
}

function digitsOf(value: Value): number {
  const digits = asNumberOrNull(value);
  if (digits === null) return 0;
  if (!Number.isInteger(digits))
    throw MError.expression('The number of digits must be a whole number.', digits);
  return digits;
}

/** Rounds toward negative infinity (`floor`), positive infinity (`ceil`), zero, or away from it. */
function directed(
  value: number,
  digits: number,
  direction: 'floor' | 'ceil' | 'trunc' | 'away',
): number {
  if (!Number.isFinite(value) || (Number.isInteger(value) && digits >= 0) || digits > 15)
    return value;
  const decimal = toDecimal(value);
  const up =
    direction === 'away' ||
    (direction === 'floor' && decimal.negative) ||
    (direction === 'ceil' && !decimal.negative);
  const result = toNumber(cut(decimal, decimal.scale + digits, up));
  return result === 0 ? 0 : result;
}

function rounding(name: string, direction: 'floor' | 'ceil' | 'trunc' | 'away'): LibraryEntry {
  return defineFunction(
    name,
    '(number as nullable number, optional digits as nullable number) as nullable number',
    (_ctx, [number, digits]) => {
      const value = asNumberOrNull(number);
      return value === null ? null : directed(value, digitsOf(digits), direction);
    },
  );
}

/** A whole number argument as a 64-bit integer, for the bitwise functions. */
function int64(value: number): bigint {
  if (!Number.isInteger(value) || Math.abs(value) >= 2 ** 63) {
    throw MError.expression(
      'The value must be a whole number within the range of a 64-bit integer.',
      value,
    );
  }
  return BigInt(value);
}

function bitwise(name: string, apply: (left: bigint, right: bigint) => bigint): LibraryEntry {
  return binary(name, 'number1', 'number2', (left, right) =>
    Number(BigInt.asIntN(64, apply(int64(left), int64(right)))),
  );
}

/** Scales two decimals to integers with the same number of decimals. */
function scaledPair(left: number, right: number): { a: bigint; b: bigint; decimals: number } {
  const x = toDecimal(left);
  const y = toDecimal(right);
  const decimals = Math.max(0, x.digits.length - x.scale, y.digits.length - y.scale);
  const scaled = (value: typeof x): bigint => {
    if (value.digits === '') return 0n;
    const magnitude =
      BigInt(value.digits) * 10n ** BigInt(decimals + value.scale - value.digits.length);
    return value.negative ? -magnitude : magnitude;
  };
  return { a: scaled(x), b: scaled(y), decimals };
}

function divideByZero(): MError {
  return MError.expression('Attempted to divide by zero.');
}

function wholeCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw MError.expression(`${what} must be a whole number that is not negative.`, value);
  }
  return value;
}

function factorial(value: number): number {
  let result = 1;
  for (let index = 2; index <= value && Number.isFinite(result); index++) result *= index;
  return result;
}

function combinations(size: number, chosen: number): number {
  if (chosen > size) return 0;
  const k = Math.min(chosen, size - chosen);
  let result = 1;
  for (let index = 1; index <= k; index++) result = (result * (size - k + index)) / index;
  return Math.round(result);
}

function permutations(size: number, chosen: number): number {
  if (chosen > size) return 0;
  let result = 1;
  for (let index = size - chosen + 1; index <= size; index++) result *= index;
  return result;
}

/** The `Number` namespace. */
export const NUMBER_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('Number.Type', TYPE.number),
  defineConstant('Number.E', Math.E),
  defineConstant('Number.PI', Math.PI),
  defineConstant('Number.Epsilon', Number.MIN_VALUE),
  defineConstant('Number.NaN', Number.NaN),
  defineConstant('Number.PositiveInfinity', Number.POSITIVE_INFINITY),
  defineConstant('Number.NegativeInfinity', Number.NEGATIVE_INFINITY),
  unary('Number.Abs', Math.abs),
  unary('Number.Acos', Math.acos),
  unary('Number.Asin', Math.asin),
  unary('Number.Atan', Math.atan),
  unary('Number.Cos', Math.cos),
  unary('Number.Cosh', Math.cosh),
  unary('Number.Sin', Math.sin),
  unary('Number.Sinh', Math.sinh),
  unary('Number.Tan', Math.tan),
  unary('Number.Tanh', Math.tanh),
  unary('Number.Exp', Math.exp),
  unary('Number.Ln', Math.log),
  unary('Number.Log10', Math.log10),
  unary('Number.Sqrt', Math.sqrt),
  unary('Number.Sign', (value) =>
    Number.isNaN(value) ? value : value > 0 ? 1 : value < 0 ? -1 : 0,
  ),
  unary('Number.Factorial', (value) => factorial(wholeCount(value, 'The number'))),
  binary('Number.Atan2', 'y', 'x', Math.atan2),
  binary('Number.Power', 'number', 'power', Math.pow),
  binary('Number.Combinations', 'setSize', 'combinationSize', (size, chosen) =>
    combinations(wholeCount(size, 'The set size'), wholeCount(chosen, 'The combination size')),
  ),
  binary('Number.Permutations', 'setSize', 'permutationSize', (size, chosen) =>
    permutations(wholeCount(size, 'The set size'), wholeCount(chosen, 'The permutation size')),
  ),
  bitwise('Number.BitwiseAnd', (a, b) => a & b),
  bitwise('Number.BitwiseOr', (a, b) => a | b),
  bitwise('Number.BitwiseXor', (a, b) => a ^ b),
  bitwise('Number.BitwiseShiftLeft', (a, b) => a << (b & 63n)),
  bitwise('Number.BitwiseShiftRight', (a, b) => a >> (b & 63n)),
  defineFunction('Number.BitwiseNot', '(number as any) as any', (_ctx, [number]) => {
    const plain = strip(number);
    if (plain === null) return null;
    if (typeof plain !== 'number') throw typeError(plain, 'number');
    return Number(BigInt.asIntN(64, ~int64(plain)));
  }),
  defineFunction(
    'Number.Log',
    '(number as nullable number, optional base as nullable number) as nullable number',
    (_ctx, [number, base]) => {
      const value = asNumberOrNull(number);
      if (value === null) return null;
      const b = asNumberOrNull(base);
      if (b === null) return Math.log(value);
      if (b === 10) return Math.log10(value);
      if (b === 2) return Math.log2(value);
      return Math.log(value) / Math.log(b);
    },
  ),
  defineFunction(
    'Number.IntegerDivide',
    '(number1 as nullable number, number2 as nullable number, optional precision as nullable number) as nullable number',
    (_ctx, [number1, number2, precision]) => {
      const a = asNumberOrNull(number1);
      const b = asNumberOrNull(number2);
      if (a === null || b === null) return null;
      if (b === 0) throw divideByZero();
      if (isDecimalPrecision(precision) && Number.isFinite(a) && Number.isFinite(b)) {
        const pair = scaledPair(a, b);
        return Number(pair.a / pair.b);
      }
      const result = Math.trunc(a / b);
      return result === 0 ? 0 : result;
    },
  ),
  defineFunction(
    'Number.Mod',
    '(number as nullable number, divisor as nullable number, optional precision as nullable number) as nullable number',
    (_ctx, [number, divisor, precision]) => {
      const a = asNumberOrNull(number);
      const b = asNumberOrNull(divisor);
      if (a === null || b === null) return null;
      if (isDecimalPrecision(precision) && Number.isFinite(a) && Number.isFinite(b)) {
        if (b === 0) throw divideByZero();
        const pair = scaledPair(a, b);
        return Number(`${(pair.a % pair.b).toString()}e-${String(pair.decimals)}`);
      }
      return a % b;
    },
  ),
  defineFunction(
    'Number.IsEven',
    '(number as number) as logical',
    (_ctx, [number]) => asNumber(number) % 2 === 0,
  ),
  defineFunction(
    'Number.IsOdd',
    '(number as number) as logical',
    (_ctx, [number]) => Math.abs(asNumber(number) % 2) === 1,
  ),
  defineFunction('Number.IsNaN', '(number as number) as logical', (_ctx, [number]) =>
    Number.isNaN(asNumber(number)),
  ),
  defineFunction('Number.Random', '() as number', (ctx) => ctx.random()),
  defineFunction(
    'Number.RandomBetween',
    '(bottom as number, top as number) as number',
    (ctx, [bottom, top]) => {
      const low = asNumber(bottom);
      return low + ctx.random() * (asNumber(top) - low);
    },
  ),
  defineFunction(
    'Number.Round',
    '(number as nullable number, optional digits as nullable number, optional roundingMode as nullable number) as nullable number',
    (_ctx, [number, digits, roundingMode]) => {
      const value = asNumberOrNull(number);
      if (value === null) return null;
      const result = roundNumber(value, digitsOf(digits), tieModeOf(roundingMode));
      return result === 0 ? 0 : result;
    },
  ),
  rounding('Number.RoundDown', 'floor'),
  rounding('Number.RoundUp', 'ceil'),
  rounding('Number.RoundTowardZero', 'trunc'),
  rounding('Number.RoundAwayFromZero', 'away'),
  defineFunction(
    'Number.From',
    '(value as any, optional culture as nullable text) as nullable number',
    (ctx, [value, culture]) => numberFrom(ctx, value, cultureArgument(ctx, culture)),
  ),
  defineFunction(
    'Number.FromText',
    '(text as nullable text, optional culture as nullable text) as nullable number',
    (ctx, [text, culture]) => {
      const value = asTextOrNull(text);
      return value === null ? null : numberFromText(value, cultureArgument(ctx, culture));
    },
  ),
  defineFunction(
    'Number.ToText',
    '(number as nullable number, optional format as nullable text, optional culture as nullable text) as nullable text',
    (ctx, [number, format, culture]) => {
      const value = asNumberOrNull(number);
      if (value === null) return null;
      return formatNumber(value, asTextOrNull(format), cultureArgument(ctx, culture));
    },
  ),
];
