import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const NOT_A_GUID =
  'error [DataFormat.Error] The text is not a GUID. Write 32 hexadecimal digits, either contiguous or in blocks of 8-4-4-4-12 separated by hyphens, optionally enclosed in braces or parentheses.';

describe('Guid.From', () => {
  it.each([
    ['Guid.From("05FE1DADC8C24F3BA4C2D194116B4967")', '"05fe1dad-c8c2-4f3b-a4c2-d194116b4967"'],
    ['Guid.From("05FE1DAD-C8C2-4F3B-A4C2-D194116B4967")', '"05fe1dad-c8c2-4f3b-a4c2-d194116b4967"'],
    [
      'Guid.From("{05FE1DAD-C8C2-4F3B-A4C2-D194116B4967}")',
      '"05fe1dad-c8c2-4f3b-a4c2-d194116b4967"',
    ],
    [
      'Guid.From("(05FE1DAD-C8C2-4F3B-A4C2-D194116B4967)")',
      '"05fe1dad-c8c2-4f3b-a4c2-d194116b4967"',
    ],
    ['Guid.From("00000000-0000-0000-0000-000000000000")', '"00000000-0000-0000-0000-000000000000"'],
    ['Guid.From("abcdef01-2345-6789-abcd-ef0123456789")', '"abcdef01-2345-6789-abcd-ef0123456789"'],
    ['Guid.From(null)', 'null'],
    ['Guid.From("05FE1DAD-C8C2-4F3B-A4C2-D194116B4967") is text', 'true'],
    ['Guid.From("05FE1DAD-C8C2-4F3B-A4C2-D194116B496")', NOT_A_GUID],
    ['Guid.From("05FE1DAD-C8C2-4F3B-A4C2-D194116B4967A")', NOT_A_GUID],
    ['Guid.From("05FE1DADC8C24F3BA4C2D194116B496G")', NOT_A_GUID],
    ['Guid.From("{05FE1DAD-C8C2-4F3B-A4C2-D194116B4967)")', NOT_A_GUID],
    ['Guid.From("{05FE1DADC8C24F3BA4C2D194116B4967}")', NOT_A_GUID],
    ['Guid.From("05FE1DADC-8C24-F3BA-4C2D-194116B4967")', NOT_A_GUID],
    ['Guid.From("")', NOT_A_GUID],
    ['Guid.From(1)', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
    ['try Guid.From("x") catch (e) => e[Detail]', '"x"'],
    ['Type.FunctionParameters(Value.Type(Guid.From))', '[value = type nullable text]'],
    ['Type.FunctionReturn(Value.Type(Guid.From))', 'type nullable text'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
