import { MError } from '../errors.js';
import { TYPE, type TypeFacets, type TypeValue } from '../values/type.js';
import { roundAt, toDecimal, toNumber, type TieMode } from './format/decimal.js';

/**
 * The number facet types (`Int64.Type`, `Currency.Type`, …) and what converting to them does:
 * integers round (ties to even unless a rounding mode says otherwise) and must fit their range,
 * currency rounds to four decimals, decimals and singles must fit their range.
 */

/** What a number facet type does to a number. */
export interface NumberFacet {
  /** The library name, such as `Int64.Type`. */
  readonly typeName: string;
  /** Decimals kept (0 for integers), or null when the number is not rounded. */
  readonly decimals: number | null;
  readonly min: number;
  readonly max: number;
  /** The name in the overflow message: "…too large or too small for an Int64." */
  readonly rangeName: string;
  readonly facets: TypeFacets;
}

/** The largest Decimal, 79228162514264337593543950335, as the nearest double. */
const DECIMAL_MAX = 7.922816251426434e28;
/** The largest double below 2^63 (2^63 - 1 itself is not a double). */
const INT64_MAX = 9223372036854774784;
const SINGLE_MAX = 3.4028234663852886e38;
/** The largest Currency, 922337203685477.5807, as the nearest double. */
const CURRENCY_MAX = 922337203685477.6;

function facet(
  typeName: string,
  decimals: number | null,
  min: number,
  max: number,
  rangeName: string,
  facets: TypeFacets,
): NumberFacet {
  return { typeName, decimals, min, max, rangeName, facets: { ...facets, typeName } };
}

/** The number facet types by name. */
export const NUMBER_FACETS: ReadonlyMap<string, NumberFacet> = new Map(
  [
    facet('Int64.Type', 0, -(2 ** 63), INT64_MAX, 'an Int64', {
      numericPrecisionBase: 2,
      numericPrecision: 64,
      numericScale: 0,
    }),
    facet('Int32.Type', 0, -2147483648, 2147483647, 'an Int32', {
      numericPrecisionBase: 2,
      numericPrecision: 32,
      numericScale: 0,
    }),
    facet('Int16.Type', 0, -32768, 32767, 'an Int16', {
      numericPrecisionBase: 2,
      numericPrecision: 16,
      numericScale: 0,
    }),
    facet('Int8.Type', 0, -128, 127, 'a signed byte', {
      numericPrecisionBase: 2,
      numericPrecision: 8,
      numericScale: 0,
    }),
    facet('Byte.Type', 0, 0, 255, 'an unsigned byte', {
      numericPrecisionBase: 2,
      numericPrecision: 8,
      numericScale: 0,
    }),
    facet('Single.Type', null, -SINGLE_MAX, SINGLE_MAX, 'a Single', {
      numericPrecisionBase: 2,
      numericPrecision: 24,
    }),
    facet('Double.Type', null, -Infinity, Infinity, 'a Double', {
      numericPrecisionBase: 2,
      numericPrecision: 53,
    }),
    facet('Decimal.Type', null, -DECIMAL_MAX, DECIMAL_MAX, 'a Decimal', {
      numericPrecisionBase: 10,
      numericPrecision: 29,
    }),
    facet('Currency.Type', 4, -CURRENCY_MAX, CURRENCY_MAX, 'a Currency', {
      numericPrecisionBase: 10,
      numericPrecision: 19,
      numericScale: 4,
    }),
    facet('Percentage.Type', null, -Infinity, Infinity, 'a Percentage', {}),
  ].map((entry) => [entry.typeName, entry]),
);

/** The type value of each facet type (one object per name, so `Int64.Type` is always the same). */
const FACET_TYPES = new Map(
  [...NUMBER_FACETS.values()].map((entry) => [
    entry.typeName,
    TYPE.number.withFacets(entry.facets),
  ]),
);

/** `Int64.Type` and the other number facet types as type values. */
export function numberFacetType(typeName: string): TypeValue {
  const type = FACET_TYPES.get(typeName);
  if (type === undefined) throw new Error(`unknown number facet type ${typeName}`);
  return type;
}

/** The number facet a type has, if it is one of the number facet types. */
export function numberFacetOf(type: TypeValue): NumberFacet | undefined {
  const name = type.facets?.typeName;
  return name === undefined ? undefined : NUMBER_FACETS.get(name);
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** Rounds to `digits` decimals (negative: tens, hundreds…) in decimal, with a tie mode. */
export function roundNumber(value: number, digits: number, tie: TieMode): number {
  if (!Number.isFinite(value)) return value;
  if (Number.isInteger(value) && digits >= 0) return value;
  if (digits > 15) return value;
  if (digits >= 0 && digits <= 8) {
    // Fast path: away from a tie, rounding the scaled double gives the same result as rounding
    // the decimal digits (both quotients are the correctly rounded decimal).
    const power = POWERS_OF_TEN[digits] as number;
    const scaled = value * power;
    const magnitude = Math.abs(scaled);
    if (magnitude < 2 ** 52) {
      const floor = Math.floor(scaled);
      const difference = scaled - floor;
      if (Math.abs(difference - 0.5) > magnitude * 1e-13 + 1e-9) {
        return (difference < 0.5 ? floor : floor + 1) / power;
      }
    }
  }
  return toNumber(roundAt(toDecimal(value), digits, tie));
}

/** The error of a number outside the range of a facet type. */
export function overflowError(facetValue: NumberFacet, value: number): MError {
  return MError.expression(
    `Value was either too large or too small for ${facetValue.rangeName}.`,
    value,
  );
}

/** A number converted to a facet type: rounded, then checked against its range. */
export function toFacetNumber(
  value: number,
  facetValue: NumberFacet,
  tie: TieMode = 'toEven',
): number {
  if (facetValue.decimals === null) {
    const finiteOnly = facetValue.typeName === 'Decimal.Type';
    if (!Number.isFinite(value)) {
      if (finiteOnly) throw overflowError(facetValue, value);
      return value;
    }
    if (value < facetValue.min || value > facetValue.max) throw overflowError(facetValue, value);
    return value;
  }
  if (!Number.isFinite(value)) throw overflowError(facetValue, value);
  const rounded = roundNumber(value, facetValue.decimals, tie);
  if (rounded < facetValue.min || rounded > facetValue.max) throw overflowError(facetValue, value);
  return rounded === 0 ? 0 : rounded;
}
