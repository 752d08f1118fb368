import { TYPE, type TypeValue } from '../values/type.js';
import { defineConstant, type LibraryEntry } from './define.js';

/**
 * The enumerations of the accessing-data functions (data source options a connector passes on):
 * `AccessControlKind`, `LimitClauseKind`, `ODataOmitValues`, `WebMethod`, `SapHanaDistribution`,
 * `SapHanaRangeOperator` and `SapBusinessWarehouseExecutionMode`. Their values are numbers, except
 * the texts of `ODataOmitValues` and `WebMethod`; each `.Type` is the type of its values.
 */

function enumeration(
  name: string,
  type: TypeValue,
  members: readonly (readonly [string, number | string])[],
): LibraryEntry[] {
  return [
    ...members.map(([member, value]) => defineConstant(`${name}.${member}`, value)),
    defineConstant(`${name}.Type`, type),
  ];
}

/** The accessing-data enumerations and their `.Type` constants. */
export const ACCESSING_DATA_CONSTANTS: readonly LibraryEntry[] = [
  ...enumeration('AccessControlKind', TYPE.number, [
    ['Deny', 0],
    ['Allow', 1],
  ]),
  ...enumeration('LimitClauseKind', TYPE.number, [
    ['None', 0],
    ['Top', 1],
    ['LimitOffset', 2],
    ['Limit', 3],
    ['AnsiSql2008', 4],
  ]),
  ...enumeration('ODataOmitValues', TYPE.text, [['Nulls', 'nulls']]),
  ...enumeration('WebMethod', TYPE.text, [
    ['Delete', 'DELETE'],
    ['Get', 'GET'],
    ['Head', 'HEAD'],
    ['Patch', 'PATCH'],
    ['Post', 'POST'],
    ['Put', 'PUT'],
  ]),
  ...enumeration('SapHanaDistribution', TYPE.number, [
    ['Off', 0],
    ['Connection', 1],
    ['Statement', 2],
    ['All', 3],
  ]),
  ...enumeration('SapHanaRangeOperator', TYPE.number, [
    ['GreaterThan', 0],
    ['LessThan', 1],
    ['GreaterThanOrEquals', 2],
    ['LessThanOrEquals', 3],
    ['Equals', 4],
    ['NotEquals', 5],
    ['Between', 6],
  ]),
  ...enumeration('SapBusinessWarehouseExecutionMode', TYPE.number, [
    ['BasXml', 64],
    ['BasXmlGzip', 65],
    ['DataStream', 66],
  ]),
];
