import { TYPE } from '../values/type.js';
import { numberFrom } from './conversion.js';
import { NUMBER_FACETS, numberFacetType, toFacetNumber } from './conversion-number.js';
import { cultureArgument } from './conversion-parse.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';
import { tieModeOf } from './number.js';

/**
 * The number types: `Int64.From`, `Currency.From` and the other conversions to a number facet,
 * the facet types themselves (`Int64.Type`, … as constants: `type number` with facets), the
 * `RoundingMode` and `Precision` enumerations, and `Guid.Type` (a text facet).
 */

const WITH_ROUNDING = new Set(['Int64', 'Int32', 'Int16', 'Int8', 'Byte', 'Currency']);

function conversion(namespace: string): LibraryEntry {
  const facet = NUMBER_FACETS.get(`${namespace}.Type`);
  if (facet === undefined) throw new Error(`no facet type ${namespace}.Type`);
  const rounding = WITH_ROUNDING.has(namespace);
  return defineFunction(
    `${namespace}.From`,
    rounding
      ? '(value as any, optional culture as nullable text, optional roundingMode as nullable number) as nullable number'
      : '(value as any, optional culture as nullable text) as nullable number',
    (ctx, [value, culture, roundingMode]) => {
      const number = numberFrom(ctx, value, cultureArgument(ctx, culture));
      if (number === null) return null;
      return toFacetNumber(number, facet, rounding ? tieModeOf(roundingMode) : 'toEven');
    },
  );
}

const NAMESPACES = [
  'Int64',
  'Int32',
  'Int16',
  'Int8',
  'Byte',
  'Single',
  'Double',
  'Decimal',
  'Currency',
  'Percentage',
];

/** `Int64.From` … `Percentage.From`, the facet types, `RoundingMode.*`, `Precision.*`. */
export const NUMBER_TYPES_LIBRARY: readonly LibraryEntry[] = [
  ...NAMESPACES.map(conversion),
  ...NAMESPACES.map((namespace) =>
    defineConstant(`${namespace}.Type`, numberFacetType(`${namespace}.Type`)),
  ),
  defineConstant(
    'Guid.Type',
    TYPE.text.withFacets({ typeName: 'Guid.Type', maxLength: 36, isVariableLength: false }),
  ),
  defineConstant('RoundingMode.Type', TYPE.number),
  defineConstant('RoundingMode.Up', 0),
  defineConstant('RoundingMode.Down', 1),
  defineConstant('RoundingMode.AwayFromZero', 2),
  defineConstant('RoundingMode.TowardZero', 3),
  defineConstant('RoundingMode.ToEven', 4),
  defineConstant('Precision.Type', TYPE.number),
  defineConstant('Precision.Double', 0),
  defineConstant('Precision.Decimal', 1),
];
