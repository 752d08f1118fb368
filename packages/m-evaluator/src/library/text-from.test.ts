import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Text.From', () => {
  it.each([
    ['Text.From(3)', '"3"'],
    ['Text.From(-1.5)', '"-1.5"'],
    ['Text.From(0.1 + 0.2)', '"0.3"'],
    ['Text.From(1e21)', '"1E+21"'],
    ['Text.From(0/0)', '"NaN"'],
    ['Text.From(true)', '"true"'],
    ['Text.From(false)', '"false"'],
    ['Text.From("abc")', '"abc"'],
    ['Text.From(null)', 'null'],
    ['Text.From(#datetime(2024, 6, 24, 14, 32, 22))', '"6/24/2024 2:32:22 PM"'],
    ['Text.From(#datetime(2024, 6, 24, 14, 32, 22), "de-DE")', '"24.06.2024 14:32:22"'],
    ['Text.From(#datetime(2024, 6, 24, 14, 32, 22), "fr-FR")', '"24/06/2024 14:32:22"'],
    ['Text.From(#datetime(2024, 6, 24, 14, 32, 22), "")', '"06/24/2024 14:32:22"'],
    ['Text.From(#date(2024, 10, 5), "fr-FR")', '"05/10/2024"'],
    ['Text.From(#date(2023, 12, 31), "fr-FR")', '"31/12/2023"'],
    ['Text.From(#date(2024, 3, 24))', '"3/24/2024"'],
    ['Text.From(#time(13, 5, 7))', '"1:05:07 PM"'],
    ['Text.From(#time(13, 5, 7), "de-DE")', '"13:05:07"'],
    ['Text.From(#datetimezone(2010, 12, 31, 1, 30, 25, 2, 0))', '"12/31/2010 1:30:25 AM +02:00"'],
    [
      'Text.From(#datetimezone(2010, 12, 31, 1, 30, 25, -5, -30), "de-DE")',
      '"31.12.2010 01:30:25 -05:30"',
    ],
    ['Text.From(#duration(2, 5, 55, 20))', '"2.05:55:20"'],
    ['Text.From(#duration(0, 0, 54, 40))', '"00:54:40"'],
    ['Text.From(#binary({16, 255}))', '"EP8="'],
    ['Text.From(1234.5, "de-DE")', '"1234,5"'],
    ['Text.From(1234.5, "fr-FR")', '"1234,5"'],
    ['Text.From(1234.5, "en-US")', '"1234.5"'],
    [
      'Text.From({1})',
      'error [Expression.Error] We cannot convert a value of type List to type Text.',
    ],
    [
      'Text.From([a = 1])',
      'error [Expression.Error] We cannot convert a value of type Record to type Text.',
    ],
    ['Text.From(1 meta [a = 1])', '"1"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Text.From(1234.5)', 'de-DE', '"1234,5"'],
    ['Text.From(#date(2024, 10, 5))', 'de-DE', '"05.10.2024"'],
    ['Text.From(#date(2024, 10, 5))', 'fr-FR', '"05/10/2024"'],
    ['Text.From(#datetime(2024, 10, 5, 9, 0, 0))', 'en-GB', '"05/10/2024 09:00:00"'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Text.Format', () => {
  it.each([
    ['Text.Format("#{0}, #{1}, and #{2}.", {17, 7, 22})', '"17, 7, and 22."'],
    [
      'Text.Format("The time for the #[distance] km run held in #[city] on #[date] was #[duration].", [city = "Seattle", date = #date(2015, 3, 10), duration = #duration(0, 0, 54, 40), distance = 10], "en-US")',
      '"The time for the 10 km run held in Seattle on 3/10/2015 was 00:54:40."',
    ],
    ['Text.Format("#{0} and #{0}", {"a"})', '"a and a"'],
    ['Text.Format("#{0}|#{1}", {null, true})', '"|true"'],
    ['Text.Format("# and #x and #{", {1})', '"# and #x and #{"'],
    ['Text.Format("no placeholders", {})', '"no placeholders"'],
    ['Text.Format("#{0}", {1.5}, "de-DE")', '"1,5"'],
    ['Text.Format("#{0}", {#date(2015, 3, 10)}, "fr-FR")', '"10/03/2015"'],
    ['Text.Format("#[a] #[b]", [a = 1, b = "x"])', '"1 x"'],
    [
      'Text.Format("#{3}", {1})',
      "error [Expression.Error] The format refers to argument 3, which the list of arguments doesn't have.",
    ],
    [
      'Text.Format("#[c]", [a = 1])',
      "error [Expression.Error] The field 'c' of the record wasn't found.",
    ],
    [
      'Text.Format("#{0}", [a = 1])',
      'error [Expression.Error] We cannot convert the value of type Record to type List.',
    ],
    [
      'Text.Format("#{0}", {{1}})',
      'error [Expression.Error] We cannot convert a value of type List to type Text.',
    ],
    [
      'Text.Format(null, {})',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('formats by the evaluation culture when none is given', () => {
    expect(m('Text.Format("#{0}", {2.5})', { culture: 'de-DE' })).toBe('"2,5"');
    expect(m('Text.Format("#{0}", {#date(2015, 3, 10)})', { culture: 'de-DE' })).toBe(
      '"10.03.2015"',
    );
  });
});
