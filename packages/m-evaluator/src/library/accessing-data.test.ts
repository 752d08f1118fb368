import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('accessing-data enumerations', () => {
  it.each([
    ['AccessControlKind.Deny', '0'],
    ['AccessControlKind.Allow', '1'],
    ['AccessControlKind.Type', 'type number'],
    ['LimitClauseKind.None', '0'],
    ['LimitClauseKind.Top', '1'],
    ['LimitClauseKind.LimitOffset', '2'],
    ['LimitClauseKind.Limit', '3'],
    ['LimitClauseKind.AnsiSql2008', '4'],
    ['LimitClauseKind.Type', 'type number'],
    ['ODataOmitValues.Nulls', '"nulls"'],
    ['ODataOmitValues.Type', 'type text'],
    ['WebMethod.Delete', '"DELETE"'],
    ['WebMethod.Get', '"GET"'],
    ['WebMethod.Head', '"HEAD"'],
    ['WebMethod.Patch', '"PATCH"'],
    ['WebMethod.Post', '"POST"'],
    ['WebMethod.Put', '"PUT"'],
    ['WebMethod.Type', 'type text'],
    ['SapHanaDistribution.Off', '0'],
    ['SapHanaDistribution.Connection', '1'],
    ['SapHanaDistribution.Statement', '2'],
    ['SapHanaDistribution.All', '3'],
    ['SapHanaDistribution.Type', 'type number'],
    ['SapHanaRangeOperator.GreaterThan', '0'],
    ['SapHanaRangeOperator.LessThan', '1'],
    ['SapHanaRangeOperator.GreaterThanOrEquals', '2'],
    ['SapHanaRangeOperator.LessThanOrEquals', '3'],
    ['SapHanaRangeOperator.Equals', '4'],
    ['SapHanaRangeOperator.NotEquals', '5'],
    ['SapHanaRangeOperator.Between', '6'],
    ['SapHanaRangeOperator.Type', 'type number'],
    ['SapBusinessWarehouseExecutionMode.BasXml', '64'],
    ['SapBusinessWarehouseExecutionMode.BasXmlGzip', '65'],
    ['SapBusinessWarehouseExecutionMode.DataStream', '66'],
    ['SapBusinessWarehouseExecutionMode.Type', 'type number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('gives each value the type of its enumeration', () => {
    expect(
      m(
        'List.AllTrue({Value.Is(LimitClauseKind.Top, LimitClauseKind.Type), Value.Is(WebMethod.Post, WebMethod.Type), Value.Is(ODataOmitValues.Nulls, ODataOmitValues.Type), Value.Is(SapHanaRangeOperator.Between, SapHanaRangeOperator.Type)})',
      ),
    ).toBe('true');
  });

  it('lists the enumerations and the new library functions in #shared', () => {
    expect(
      m(
        'List.ContainsAll(Record.FieldNames(#shared), {"AccessControlKind.Allow", "LimitClauseKind.AnsiSql2008", "ODataOmitValues.Nulls", "WebMethod.Patch", "SapHanaDistribution.All", "SapHanaRangeOperator.NotEquals", "SapBusinessWarehouseExecutionMode.DataStream", "BinaryOccurrence.Repeating", "ByteOrder.BigEndian", "Guid.From", "BinaryFormat.Group", "BinaryFormat.7BitEncodedSignedInteger"})',
      ),
    ).toBe('true');
  });
});
