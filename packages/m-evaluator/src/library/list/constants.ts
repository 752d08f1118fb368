import { TYPE } from '../../values/type.js';
import { defineConstant, type LibraryEntry } from '../define.js';
import { OCCURRENCE } from './common.js';
import { PERCENTILE_MODE } from './ordering.js';
import { ORDER } from '../criteria.js';

/**
 * The parameter values of the list functions: `Order.*` (sort direction), `Occurrence.*` (which
 * match List.PositionOf reports, and the occurrence of BinaryFormat.Group items) and
 * `PercentileMode.*` (the interpolation of List.Percentile). Each `*.Type` is `type number`.
 */
export const LIST_CONSTANTS: readonly LibraryEntry[] = [
  defineConstant('Order.Ascending', ORDER.ascending),
  defineConstant('Order.Descending', ORDER.descending),
  defineConstant('Order.Type', TYPE.number),
  defineConstant('Occurrence.First', OCCURRENCE.first),
  defineConstant('Occurrence.Last', OCCURRENCE.last),
  defineConstant('Occurrence.All', OCCURRENCE.all),
  defineConstant('Occurrence.Optional', 0),
  defineConstant('Occurrence.Required', 1),
  defineConstant('Occurrence.Repeating', 2),
  defineConstant('Occurrence.Type', TYPE.number),
  defineConstant('PercentileMode.ExcelInc', PERCENTILE_MODE.excelInc),
  defineConstant('PercentileMode.ExcelExc', PERCENTILE_MODE.excelExc),
  defineConstant('PercentileMode.SqlDisc', PERCENTILE_MODE.sqlDisc),
  defineConstant('PercentileMode.SqlCont', PERCENTILE_MODE.sqlCont),
  defineConstant('PercentileMode.Type', TYPE.number),
];
