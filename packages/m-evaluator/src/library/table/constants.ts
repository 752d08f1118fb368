import { TYPE } from '../../values/type.js';
import { defineConstant, type LibraryEntry } from '../define.js';
import { MISSING_FIELD } from '../record.js';
import { GROUP_KIND } from './group.js';
import { JOIN_ALGORITHM, JOIN_KIND, JOIN_SIDE } from './join.js';
import { BUFFER_MODE } from './keys.js';
import { RANK_KIND } from './ordering.js';

/**
 * The parameter values of the table functions: `JoinKind.*`, `JoinAlgorithm.*`, `JoinSide.*`,
 * `GroupKind.*`, `MissingField.*`, `RankKind.*` and `BufferMode.*`, each with its `.Type`
 * (`type number`).
 */
export const TABLE_CONSTANTS: readonly LibraryEntry[] = [
  defineConstant('JoinKind.Inner', JOIN_KIND.inner),
  defineConstant('JoinKind.LeftOuter', JOIN_KIND.leftOuter),
  defineConstant('JoinKind.RightOuter', JOIN_KIND.rightOuter),
  defineConstant('JoinKind.FullOuter', JOIN_KIND.fullOuter),
  defineConstant('JoinKind.LeftAnti', JOIN_KIND.leftAnti),
  defineConstant('JoinKind.RightAnti', JOIN_KIND.rightAnti),
  defineConstant('JoinKind.LeftSemi', JOIN_KIND.leftSemi),
  defineConstant('JoinKind.RightSemi', JOIN_KIND.rightSemi),
  defineConstant('JoinKind.Type', TYPE.number),
  defineConstant('JoinAlgorithm.Dynamic', JOIN_ALGORITHM.dynamic),
  defineConstant('JoinAlgorithm.PairwiseHash', JOIN_ALGORITHM.pairwiseHash),
  defineConstant('JoinAlgorithm.SortMerge', JOIN_ALGORITHM.sortMerge),
  defineConstant('JoinAlgorithm.LeftHash', JOIN_ALGORITHM.leftHash),
  defineConstant('JoinAlgorithm.RightHash', JOIN_ALGORITHM.rightHash),
  defineConstant('JoinAlgorithm.LeftIndex', JOIN_ALGORITHM.leftIndex),
  defineConstant('JoinAlgorithm.RightIndex', JOIN_ALGORITHM.rightIndex),
  defineConstant('JoinAlgorithm.Type', TYPE.number),
  defineConstant('JoinSide.Left', JOIN_SIDE.left),
  defineConstant('JoinSide.Right', JOIN_SIDE.right),
  defineConstant('JoinSide.Type', TYPE.number),
  defineConstant('GroupKind.Local', GROUP_KIND.local),
  defineConstant('GroupKind.Global', GROUP_KIND.global),
  defineConstant('GroupKind.Type', TYPE.number),
  defineConstant('MissingField.Error', MISSING_FIELD.error),
  defineConstant('MissingField.Ignore', MISSING_FIELD.ignore),
  defineConstant('MissingField.UseNull', MISSING_FIELD.useNull),
  defineConstant('MissingField.Type', TYPE.number),
  defineConstant('RankKind.Competition', RANK_KIND.competition),
  defineConstant('RankKind.Dense', RANK_KIND.dense),
  defineConstant('RankKind.Ordinal', RANK_KIND.ordinal),
  defineConstant('RankKind.Type', TYPE.number),
  defineConstant('BufferMode.Eager', BUFFER_MODE.eager),
  defineConstant('BufferMode.Delayed', BUFFER_MODE.delayed),
  defineConstant('BufferMode.Type', TYPE.number),
];
