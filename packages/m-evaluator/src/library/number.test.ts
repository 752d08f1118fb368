import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Number constants', () => {
  it.each([
    ['Number.PI', '3.141592653589793'],
    ['Number.E', '2.718281828459045'],
    ['Number.Epsilon', '5e-324'],
    ['Number.NaN', '#nan'],
    ['Number.PositiveInfinity', '#infinity'],
    ['Number.NegativeInfinity', '-#infinity'],
    ['Number.Type', 'type number'],
    ['Number.Epsilon > 0', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Number math functions', () => {
  it.each([
    ['Number.Abs(-3)', '3'],
    ['Number.Abs(2.5)', '2.5'],
    ['Number.Abs(null)', 'null'],
    ['Number.Abs("a")', 'error [Expression.Error] We cannot convert the value "a" to type Number.'],
    ['Number.Cos(0)', '1'],
    ['Number.Cos(Number.PI)', '-1'],
    ['Number.Sin(0)', '0'],
    ['Number.Tan(1)', '1.5574077246549023'],
    ['Number.Acos(1)', '0'],
    ['Number.Asin(1) = Number.PI / 2', 'true'],
    ['Number.Atan(0)', '0'],
    ['Number.Atan2(1, 1) = Number.PI / 4', 'true'],
    ['Number.Atan2(null, 1)', 'null'],
    ['Number.Cosh(0)', '1'],
    ['Number.Sinh(0)', '0'],
    ['Number.Tanh(0)', '0'],
    ['Number.Exp(3)', '20.085536923187668'],
    ['Number.Exp(null)', 'null'],
    ['Number.Ln(15)', '2.70805020110221'],
    ['Number.Log(2, 10)', '0.3010299956639812'],
    ['Number.Log(2)', '0.6931471805599453'],
    ['Number.Log(8, 2)', '3'],
    ['Number.Log(null, 2)', 'null'],
    ['Number.Log10(1000)', '3'],
    ['Number.Sqrt(625)', '25'],
    ['Number.Sqrt(85)', '9.219544457292887'],
    ['Number.Sqrt(-1)', '#nan'],
    ['Number.Power(5, 3)', '125'],
    ['Number.Power(2, -1)', '0.5'],
    ['Number.Power(null, 2)', 'null'],
    ['Number.Sign(182)', '1'],
    ['Number.Sign(-182)', '-1'],
    ['Number.Sign(0)', '0'],
    ['Number.Sign(null)', 'null'],
    ['Number.Factorial(10)', '3628800'],
    ['Number.Factorial(0)', '1'],
    ['Number.Factorial(171)', '#infinity'],
    [
      'Number.Factorial(-1)',
      'error [Expression.Error] The number must be a whole number that is not negative.',
    ],
    ['Number.Combinations(5, 3)', '10'],
    ['Number.Combinations(52, 5)', '2598960'],
    ['Number.Combinations(3, 5)', '0'],
    ['Number.Permutations(5, 3)', '60'],
    ['Number.Permutations(5, 0)', '1'],
    ['Number.Permutations(null, 2)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Number division and predicates', () => {
  it.each([
    ['Number.IntegerDivide(6, 4)', '1'],
    ['Number.IntegerDivide(8.3, 3)', '2'],
    ['Number.IntegerDivide(-8.3, 3)', '-2'],
    ['Number.IntegerDivide(8.3, 3, Precision.Decimal)', '2'],
    ['Number.IntegerDivide(null, 3)', 'null'],
    ['Number.IntegerDivide(1, 0)', 'error [Expression.Error] Attempted to divide by zero.'],
    ['Number.Mod(5, 3)', '2'],
    ['Number.Mod(-5, 3)', '-2'],
    ['Number.Mod(10.5, 0.2)', '0.09999999999999942'],
    ['Number.Mod(10.5, 0.2, Precision.Double)', '0.09999999999999942'],
    ['Number.Mod(10.5, 0.2, Precision.Decimal)', '0.1'],
    ['Number.ToText(Number.Mod(10.5, 0.2), "G")', '"0.0999999999999994"'],
    ['Number.Mod(5, null)', 'null'],
    ['Number.Mod(5, 0)', '#nan'],
    [
      'Number.Mod(5, 0, Precision.Decimal)',
      'error [Expression.Error] Attempted to divide by zero.',
    ],
    [
      'Number.Mod(5, 2, 7)',
      'error [Expression.Error] The precision must be Precision.Double or Precision.Decimal.',
    ],
    ['Number.IsEven(625)', 'false'],
    ['Number.IsEven(82)', 'true'],
    ['Number.IsEven(-4)', 'true'],
    ['Number.IsOdd(625)', 'true'],
    ['Number.IsOdd(-3)', 'true'],
    ['Number.IsOdd(82)', 'false'],
    ['Number.IsOdd(2.5)', 'false'],
    ['Number.IsNaN(0/0)', 'true'],
    ['Number.IsNaN(1/0)', 'false'],
    [
      'Number.IsNaN(null)',
      'error [Expression.Error] We cannot convert the value null to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Number rounding', () => {
  it.each([
    ['Number.Round(1.234)', '1'],
    ['Number.Round(1.56)', '2'],
    ['Number.Round(1.2345, 2)', '1.23'],
    ['Number.Round(1.2345, 3, RoundingMode.Up)', '1.235'],
    ['Number.Round(1.2345, 3, RoundingMode.Down)', '1.234'],
    ['Number.Round(2.5)', '2'],
    ['Number.Round(3.5)', '4'],
    ['Number.Round(-2.5)', '-2'],
    ['Number.Round(2.5, 0, RoundingMode.AwayFromZero)', '3'],
    ['Number.Round(-2.5, 0, RoundingMode.AwayFromZero)', '-3'],
    ['Number.Round(-2.5, 0, RoundingMode.TowardZero)', '-2'],
    ['Number.Round(-2.5, 0, RoundingMode.Up)', '-2'],
    ['Number.Round(-2.5, 0, RoundingMode.Down)', '-3'],
    ['Number.Round(2.675, 2)', '2.68'],
    ['Number.Round(1234.5678, -2)', '1200'],
    ['Number.Round(1250, -2)', '1200'],
    ['Number.Round(-0.4)', '0'],
    ['Number.Round(null)', 'null'],
    ['Number.Round(#nan)', '#nan'],
    [
      'Number.Round(1.5, 0, 9)',
      'error [Expression.Error] The rounding mode must be one of the RoundingMode values (0 to 4).',
    ],
    [
      'Number.Round(1.5, 0.5)',
      'error [Expression.Error] The number of digits must be a whole number.',
    ],
    ['Number.RoundUp(1.234)', '2'],
    ['Number.RoundUp(1.999)', '2'],
    ['Number.RoundUp(1.234, 2)', '1.24'],
    ['Number.RoundUp(1.1, 2)', '1.1'],
    ['Number.RoundUp(-1.5)', '-1'],
    ['Number.RoundUp(3, -2)', '100'],
    ['Number.RoundDown(1.234)', '1'],
    ['Number.RoundDown(1.999)', '1'],
    ['Number.RoundDown(1.999, 2)', '1.99'],
    ['Number.RoundDown(-1.2)', '-2'],
    ['Number.RoundDown(null, 2)', 'null'],
    ['Number.RoundAwayFromZero(-1.2)', '-2'],
    ['Number.RoundAwayFromZero(1.2)', '2'],
    ['Number.RoundAwayFromZero(-1.234, 2)', '-1.24'],
    ['Number.RoundTowardZero(-1.2)', '-1'],
    ['Number.RoundTowardZero(1.2)', '1'],
    ['Number.RoundTowardZero(-1.234, 2)', '-1.23'],
    ['Number.RoundTowardZero(-0.5)', '0'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Number bitwise functions', () => {
  it.each([
    ['Number.BitwiseAnd(12, 10)', '8'],
    ['Number.BitwiseOr(12, 10)', '14'],
    ['Number.BitwiseXor(12, 10)', '6'],
    ['Number.BitwiseNot(5)', '-6'],
    ['Number.BitwiseNot(null)', 'null'],
    [
      'Number.BitwiseNot("a")',
      'error [Expression.Error] We cannot convert the value "a" to type Number.',
    ],
    ['Number.BitwiseShiftLeft(1, 10)', '1024'],
    ['Number.BitwiseShiftRight(1024, 3)', '128'],
    ['Number.BitwiseShiftRight(-16, 2)', '-4'],
    ['Number.BitwiseAnd(null, 1)', 'null'],
    [
      'Number.BitwiseAnd(1.5, 1)',
      'error [Expression.Error] The value must be a whole number within the range of a 64-bit integer.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Number random numbers', () => {
  it('draws from the seeded generator of the evaluation', () => {
    const first = m('Number.Random()');
    expect(Number(first)).toBeGreaterThanOrEqual(0);
    expect(Number(first)).toBeLessThan(1);
    expect(m('Number.Random()')).toBe(first);
    expect(m('Number.Random()', { seed: 7 })).not.toBe(first);
  });

  it.each([
    ['let r = Number.RandomBetween(1, 5) in r >= 1 and r <= 5', 'true'],
    ['let r = Number.RandomBetween(-2, -1) in r >= -2 and r <= -1', 'true'],
    [
      'Number.RandomBetween(null, 5)',
      'error [Expression.Error] We cannot convert the value null to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Number conversion', () => {
  it.each([
    ['Number.From("4")', '4'],
    ['Number.From(#datetime(2020, 3, 20, 6, 0, 0))', '43910.25'],
    ['Number.From("12.3%")', '0.123'],
    ['Number.From(true)', '1'],
    ['Number.From(false)', '0'],
    ['Number.From(#date(1899, 12, 31))', '1'],
    ['Number.From(#datetime(1899, 12, 29, 6, 0, 0))', '-1.25'],
    ['Number.From(#time(18, 0, 0))', '0.75'],
    ['Number.From(#duration(1, 12, 0, 0))', '1.5'],
    ['Number.From(#datetimezone(2020, 3, 20, 8, 0, 0, 2, 0))', '43910.25'],
    ['Number.From(null)', 'null'],
    ['Number.From("")', 'null'],
    [
      'Number.From({1})',
      'error [Expression.Error] We cannot convert the value of type List to type Number.',
    ],
    ['Number.From("1,5", "de-DE")', '1.5'],
    ['Number.From("1,5", "en-US")', '15'],
    ['Number.FromText("4")', '4'],
    ['Number.FromText("5.0e-10")', '5e-10'],
    ['Number.FromText("15")', '15'],
    ['Number.FromText("3,423.10")', '3423.1'],
    ['Number.FromText("-1.5")', '-1.5'],
    ['Number.FromText("  42  ")', '42'],
    ['Number.FromText("+7")', '7'],
    ['Number.FromText("7-")', '-7'],
    ['Number.FromText("(5)")', '-5'],
    ['Number.FromText("$1,000.50")', '1000.5'],
    ['Number.FromText("1E3")', '1000'],
    ['Number.FromText("NaN")', '#nan'],
    ['Number.FromText("Infinity")', '#infinity'],
    ['Number.FromText(null)', 'null'],
    ['Number.FromText("abc")', "error [DataFormat.Error] We couldn't convert to Number."],
    ['Number.FromText("1.2.3")', "error [DataFormat.Error] We couldn't convert to Number."],
    ['Number.FromText("1e")', "error [DataFormat.Error] We couldn't convert to Number."],
    ['Number.FromText(1)', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
    ['Number.FromText("1.234,5", "de-DE")', '1234.5'],
    ['Number.FromText("1.234.567", "de-DE")', '1234567'],
    ['Number.FromText("12,5 %", "de-DE")', '0.125'],
    ['Number.FromText("1 234,5", "fr-FR")', '1234.5'],
    ['Number.FromText("1\u00a0234,5", "fr-FR")', '1234.5'],
    ['Number.FromText("€1,190", "fr-FR")', '1.19'],
    ['Number.FromText("1,234.5", "")', '1234.5'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Number.FromText("2,5")', 'de-DE', '2.5'],
    ['Number.FromText("2,5")', 'fr-FR', '2.5'],
    ['Number.FromText("2,5")', 'en-US', '25'],
    ['Number.From("1.000")', 'de-DE', '1000'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Number.ToText', () => {
  it.each([
    ['Number.ToText(4)', '"4"'],
    ['Number.ToText(4, "e")', '"4.000000e+000"'],
    ['Number.ToText(-0.1234, "P1")', '"-12.3 %"'],
    ['Number.ToText(0.1 + 0.2)', '"0.3"'],
    ['Number.ToText(0.1 + 0.2, "R")', '"0.30000000000000004"'],
    ['Number.ToText(1e20)', '"1E+20"'],
    ['Number.ToText(123456789012345678)', '"1.23456789012346E+17"'],
    ['Number.ToText(0.000001)', '"1E-06"'],
    ['Number.ToText(0.0001)', '"0.0001"'],
    ['Number.ToText(1/0)', '"Infinity"'],
    ['Number.ToText(-1/0)', '"-Infinity"'],
    ['Number.ToText(0/0, "N2")', '"NaN"'],
    ['Number.ToText(null)', 'null'],
    ['Number.ToText(1, "Z")', 'error [Expression.Error] Format specifier was invalid.'],
    ['Number.ToText(1.5, "D")', 'error [Expression.Error] Format specifier was invalid.'],
    [
      'Number.ToText("1")',
      'error [Expression.Error] We cannot convert the value "1" to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [12345.6789, 'C', 'en-US', '$12,345.68'],
    [12345.6789, 'C3', 'en-US', '$12,345.679'],
    [-12345.6789, 'C', 'en-US', '($12,345.68)'],
    [-12345.6789, 'C', 'en-GB', '-£12,345.68'],
    [12345.6789, 'C3', 'de-DE', '12.345,679 €'],
    [-12345.6789, 'C', 'fr-FR', '-12\u00a0345,68 €'],
    [12345, 'D', '', '12345'],
    [12345, 'D8', '', '00012345'],
    [-12345, 'D8', '', '-00012345'],
    [12345.6789, 'E', '', '1.234568E+004'],
    [12345.6789, 'E10', '', '1.2345678900E+004'],
    [12345.6789, 'e4', '', '1.2346e+004'],
    [12345.6789, 'E', 'fr-FR', '1,234568E+004'],
    [0.00012, 'E2', '', '1.20E-004'],
    [17843, 'F', '', '17843.00'],
    [-29541, 'F3', '', '-29541.000'],
    [18934.1879, 'F', '', '18934.19'],
    [18934.1879, 'F0', '', '18934'],
    [-1898300.1987, 'F1', '', '-1898300.2'],
    [-1898300.1987, 'F3', 'de-DE', '-1898300,199'],
    [1.005, 'F2', '', '1.01'],
    [-0.001, 'F2', '', '0.00'],
    [12345.6789, 'G', '', '12345.6789'],
    [12345.6789, 'G', 'fr-FR', '12345,6789'],
    [12345.6789, 'G7', '', '12345.68'],
    [0.0000023, 'G', '', '2.3E-06'],
    [0.0000023, 'g', 'fr-FR', '2,3e-06'],
    [0.0023, 'G', '', '0.0023'],
    [1234, 'G2', '', '1.2E+03'],
    [-12445.6789, 'N', '', '-12,445.68'],
    [123456789, 'N1', '', '123,456,789.0'],
    [-1234567.891, 'N', 'de-DE', '-1.234.567,89'],
    [-1234567.891, 'N', 'fr-FR', '-1\u00a0234\u00a0567,89'],
    [-12445.6789, 'N1', 'en-GB', '-12,445.7'],
    [0.2468013, 'P', '', '24.68 %'],
    [0.2468013, 'P', 'de-DE', '24,68 %'],
    [0.2468013, 'P1', 'en-GB', '24.7%'],
    [0.5, 'P0', 'fr-FR', '50 %'],
    [1, 'P', 'en-US', '100.00 %'],
    [0x2045e, 'x', '', '2045e'],
    [0x2045e, 'X8', '', '0002045E'],
    [123456789, 'X2', '', '75BCD15'],
    [-1, 'x', '', 'ffffffffffffffff'],
    [10761.937554, 'R', '', '10761.937554'],
  ])('Number.ToText(%s, "%s", "%s") = %s', (value, format, culture, expected) => {
    expect(m(`Number.ToText(${String(value)}, "${format}", "${culture}")`)).toBe(
      JSON.stringify(expected),
    );
  });

  it.each([
    [123, '00000', '', '00123'],
    [1.2, '0.00', '', '1.20'],
    [1.2, '00.00', '', '01.20'],
    [1.2, '00.00', 'de-DE', '01,20'],
    [0.56, '0.0', '', '0.6'],
    [0.45678, '0.00', 'fr-FR', '0,46'],
    [1234567890, '0,0', '', '1,234,567,890'],
    [1234567890, '0,0', 'de-DE', '1.234.567.890'],
    [1234567890.123456, '0,0.0', '', '1,234,567,890.1'],
    [1234.56789, '0,0.00', '', '1,234.57'],
    [1234.5, '#,##0.00', 'fr-FR', '1\u00a0234,50'],
    [1.2, '#.##', '', '1.2'],
    [123, '#####', '', '123'],
    [123456, '[##-##-##]', '', '[12-34-56]'],
    [1234567890, '#', '', '1234567890'],
    [1234567890, '(###) ###-####', '', '(123) 456-7890'],
    [0, '#.##', '', ''],
    [0, '0.##', '', '0'],
    [34.5, '00', '', '35'],
    [0.086, '#0.##%', '', '8.6%'],
    [0.3697, '%#0.00', '', '%36.97'],
    [0.3697, '##.0 %', 'de-DE', '37,0 %'],
    [0.03697, '#0.00‰', '', '36.97‰'],
    [86000, '0.###E+0', '', '8.6E+4'],
    [1503.92311, '0.0##e+00', '', '1.504e+03'],
    [0.000123, '0.00E-0', '', '1.23E-4'],
    [1234567890, '#,#', '', '1,234,567,890'],
    [1234567890, '#,##0,,', '', '1,235'],
    [100000000, '0,,', '', '100'],
    [12.345, '#0.0#;(#0.0#);-\\0-', '', '12.35'],
    [0, '#0.0#;(#0.0#);-\\0-', '', '-0-'],
    [-12.345, '#0.0#;(#0.0#);-\\0-', '', '(12.35)'],
    [12.345, '#0.0#;(#0.0#)', '', '12.35'],
    [-12.345, '#0.0#;(#0.0#)', '', '(12.35)'],
    [-0.001, '0.00;(0.00);zero', '', 'zero'],
    [-5, '0', '', '-5'],
    [987654, '\\###00\\#', '', '#987654#'],
    [987654, "'#'##00'#'", '', '#987654#'],
    [68, "# 'degrees'", '', '68 degrees'],
    [68, '# °', '', '68 °'],
  ])('Number.ToText(%s, "%s", "%s") = %s', (value, format, culture, expected) => {
    expect(m(`Number.ToText(${String(value)}, "${format}", "${culture}")`)).toBe(
      JSON.stringify(expected),
    );
  });

  it.each([
    ['Number.ToText(1234.5)', 'de-DE', '"1234,5"'],
    ['Number.ToText(1234.5, "N")', 'fr-FR', '"1\u00a0234,50"'],
    ['Number.ToText(1234.5, "C")', 'en-US', '"$1,234.50"'],
    ['Number.ToText(0.5, "P")', 'de-DE', '"50,00 %"'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});
