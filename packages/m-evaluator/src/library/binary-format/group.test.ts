import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const BYTE_ITEMS =
  '{{1, BinaryFormat.Byte, BinaryOccurrence.Required}, {2, BinaryFormat.Byte, BinaryOccurrence.Repeating}, {3, BinaryFormat.Byte, BinaryOccurrence.Optional}, {4, BinaryFormat.Byte, BinaryOccurrence.Repeating}}';

/** Reads `bytes` with `BinaryFormat.Group(BinaryFormat.Byte, items, …rest)`. */
function group(bytes: string, items: string, rest = ''): string {
  return m(`BinaryFormat.Group(BinaryFormat.Byte, ${items}${rest})(#binary(${bytes}))`);
}

describe('BinaryFormat.Group', () => {
  it('reads required, repeating and optional items, and skips extra keys (example 1)', () => {
    expect(
      group('{1, 11, 2, 22, 2, 22, 5, 55, 1, 11}', BYTE_ITEMS, ', (extra) => BinaryFormat.Byte'),
    ).toBe('{11, {22, 22}, null, {}}');
  });

  it('transforms items that appear and uses defaults for items that do not (example 2)', () => {
    expect(
      group(
        '{1, 101, 1, 102}',
        '{{1, BinaryFormat.Byte, BinaryOccurrence.Repeating, 0, (list) => List.Sum(list)}, {2, BinaryFormat.Byte, BinaryOccurrence.Optional, 123}}',
      ),
    ).toBe('{203, 123}');
  });

  it.each([
    ['{}', '{}', '', '{}'],
    [
      '{2, 5}',
      '{{1, BinaryFormat.Byte, BinaryOccurrence.Optional, null, each _ * 10}, {2, BinaryFormat.Byte, BinaryOccurrence.Optional, null, each _ * 10}}',
      '',
      '{null, 50}',
    ],
    ['{}', '{{1, BinaryFormat.Byte, BinaryOccurrence.Repeating, {7}, List.Sum}}', '', '{{7}}'],
    [
      '{2, 0, 3, 1, 7}',
      '{{1, BinaryFormat.Byte, BinaryOccurrence.Required}, {2, BinaryFormat.UnsignedInteger16, BinaryOccurrence.Optional}}',
      '',
      '{7, 3}',
    ],
    [
      '{1, 11, 0, 2, 22}',
      '{{1, BinaryFormat.Byte, BinaryOccurrence.Required}, {2, BinaryFormat.Byte, BinaryOccurrence.Optional}}',
      ', null, 0',
      '{11, null}',
    ],
    [
      '{1, 11, 9, 3, 65, 66, 67}',
      '{{1, BinaryFormat.Byte, BinaryOccurrence.Required}}',
      ', (key) => BinaryFormat.Text(BinaryFormat.Byte)',
      '{11}',
    ],
    ['{1, 11, 5}', BYTE_ITEMS, ', (key) => BinaryFormat.Null', '{11, {}, null, {}}'],
  ])('reads %s with items %s%s as %s', (bytes, items, rest, expected) => {
    expect(group(bytes, items, rest)).toBe(expected);
  });

  it('reads keys of any binary format and compares them with =', () => {
    expect(
      m(
        'BinaryFormat.Group(BinaryFormat.Text(1), {{"a", BinaryFormat.Byte, BinaryOccurrence.Required}, {"b", BinaryFormat.Text(2), BinaryOccurrence.Optional}})(#binary({98, 104, 105, 97, 1}))',
      ),
    ).toBe('{1, "hi"}');
  });

  it('follows the byte order of the format around it', () => {
    expect(
      m(
        'BinaryFormat.ByteOrder(BinaryFormat.Group(BinaryFormat.UnsignedInteger16, {{1, BinaryFormat.UnsignedInteger16, BinaryOccurrence.Required}}), ByteOrder.LittleEndian)(#binary({1, 0, 2, 1}))',
      ),
    ).toBe('{258}');
  });

  it.each([
    [
      '{2, 22}',
      BYTE_ITEMS,
      '',
      'error [Expression.Error] A required item of the group is missing from the data.',
    ],
    [
      '{1, 11, 5, 55}',
      BYTE_ITEMS,
      '',
      'error [Expression.Error] The group has a key that is not expected here (no item has it, or it repeats an item that is not repeating), and no extra function to read its value.',
    ],
    [
      '{1, 11, 1, 12}',
      BYTE_ITEMS,
      '',
      'error [Expression.Error] The group has a key that is not expected here (no item has it, or it repeats an item that is not repeating), and no extra function to read its value.',
    ],
    ['{1}', BYTE_ITEMS, '', 'error [DataFormat.Error] We reached the end of the buffer.'],
    [
      '{1, 11, 5, 55}',
      BYTE_ITEMS,
      ', (key) => key',
      'error [Expression.Error] The value the extra function of BinaryFormat.Group returns must be a binary format, such as BinaryFormat.Byte or a format that another BinaryFormat function returns.',
    ],
    [
      '{1}',
      '{{1, BinaryFormat.Byte}}',
      '',
      'error [Expression.Error] Each item of a group must be a list of 3 to 5 values: the key, the item format, the occurrence, and optionally the default value and a transform function.',
    ],
    [
      '{1}',
      '{{1, BinaryFormat.Byte, 3}}',
      '',
      'error [Expression.Error] The occurrence of a group item must be BinaryOccurrence.Optional (0), BinaryOccurrence.Required (1) or BinaryOccurrence.Repeating (2).',
    ],
    [
      '{1}',
      '{{1, BinaryFormat.Byte, 0}, {1, BinaryFormat.Byte, 0}}',
      '',
      'error [Expression.Error] The keys of the items of a group must be unique.',
    ],
    [
      '{1}',
      '{{1, (b) => 1, 0}}',
      '',
      'error [Expression.Error] The item format of a group item must be a binary format, such as BinaryFormat.Byte or a format that another BinaryFormat function returns.',
    ],
    [
      '{1}',
      '{{1, BinaryFormat.Byte, 0, null, "x"}}',
      '',
      'error [Expression.Error] We cannot convert the value "x" to type Function.',
    ],
    ['{1}', '{1}', '', 'error [Expression.Error] We cannot convert the value 1 to type List.'],
    ['{1}', 'null', '', 'error [Expression.Error] We cannot convert the value null to type List.'],
  ])('reads %s with items %s%s as %s', (bytes, items, rest, expected) => {
    expect(group(bytes, items, rest)).toBe(expected);
  });

  it('stops when keys and items take no bytes', () => {
    expect(
      m(
        'BinaryFormat.Group(BinaryFormat.Null, {{null, BinaryFormat.Null, BinaryOccurrence.Repeating}})(#binary({1}))',
      ),
    ).toBe(
      'error [Expression.Error] BinaryFormat.Group cannot read keys and items that take no bytes until the end of the data.',
    );
  });

  it('has the documented enumeration of occurrences', () => {
    expect(
      m(
        '{BinaryOccurrence.Optional, BinaryOccurrence.Required, BinaryOccurrence.Repeating, BinaryOccurrence.Type}',
      ),
    ).toBe('{0, 1, 2, type number}');
    expect(m('{ByteOrder.LittleEndian, ByteOrder.BigEndian, ByteOrder.Type}')).toBe(
      '{0, 1, type number}',
    );
  });
});
