import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Duration parts and totals', () => {
  it.each([
    ['Duration.Days(#date(2022, 3, 4) - #date(2022, 2, 25))', '7'],
    ['Duration.Days(#duration(5, 4, 3, 2))', '5'],
    ['Duration.Hours(#duration(5, 4, 3, 2))', '4'],
    ['Duration.Minutes(#duration(5, 4, 3, 2))', '3'],
    ['Duration.Seconds(#duration(5, 4, 3, 2))', '2'],
    ['Duration.Seconds(#duration(0, 0, 0, 2.5))', '2.5'],
    ['Duration.Days(#duration(0, 49, 0, 0))', '2'],
    ['Duration.Hours(#duration(0, 49, 0, 0))', '1'],
    ['Duration.Days(-#duration(1, 12, 0, 0))', '-1'],
    ['Duration.Hours(-#duration(1, 12, 0, 0))', '-12'],
    ['Duration.Seconds(-#duration(0, 0, 1, 1.5))', '-1.5'],
    ['Duration.Days(null)', 'null'],
    [
      'Duration.Days(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Duration.',
    ],
    ['Duration.TotalDays(#duration(5, 4, 3, 2))', '5.168773148148148'],
    ['Duration.TotalHours(#duration(5, 4, 3, 2))', '124.05055555555556'],
    ['Duration.TotalMinutes(#duration(5, 4, 3, 2))', '7443.033333333334'],
    ['Duration.TotalSeconds(#duration(5, 4, 3, 2))', '446582'],
    ['Duration.TotalDays(#duration(1, 12, 0, 0))', '1.5'],
    ['Duration.TotalHours(#duration(1, 12, 0, 0))', '36'],
    ['Duration.TotalMinutes(#duration(1, 12, 0, 0))', '2160'],
    ['Duration.TotalSeconds(#duration(1, 12, 0, 0))', '129600'],
    ['Duration.TotalSeconds(#duration(0, 0, 0, 0.0000001))', '1e-7'],
    ['Duration.TotalDays(-#duration(0, 12, 0, 0))', '-0.5'],
    ['Duration.TotalDays(null)', 'null'],
    [
      'Duration.ToRecord(#duration(2, 5, 55, 20))',
      '[Days = 2, Hours = 5, Minutes = 55, Seconds = 20]',
    ],
    [
      'Duration.ToRecord(#duration(0, 0, 0, 20.5))',
      '[Days = 0, Hours = 0, Minutes = 0, Seconds = 20.5]',
    ],
    [
      'Duration.ToRecord(-#duration(2, 5, 0, 0))',
      '[Days = -2, Hours = -5, Minutes = 0, Seconds = 0]',
    ],
    ['Duration.Type', 'type duration'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Duration conversion and text', () => {
  it.each([
    ['Duration.From(2.525)', '#duration(2, 12, 36, 0)'],
    ['Duration.From(1.5)', '#duration(1, 12, 0, 0)'],
    ['Duration.From(-0.5)', '#duration(0, -12, 0, 0)'],
    ['Duration.From("2.05:55:20.34567")', '#duration(2, 5, 55, 20.34567)'],
    ['Duration.From("2.05:55:20.242")', '#duration(2, 5, 55, 20.242)'],
    ['Duration.From(#duration(1, 0, 0, 0))', '#duration(1, 0, 0, 0)'],
    ['Duration.From(null)', 'null'],
    [
      'Duration.From(#date(2020, 1, 1))',
      'error [Expression.Error] We cannot convert the value of type Date to type Duration.',
    ],
    ['Duration.FromText("2.05:55:20")', '#duration(2, 5, 55, 20)'],
    ['Duration.FromText("05:55")', '#duration(0, 5, 55, 0)'],
    ['Duration.FromText("05:55:20.5")', '#duration(0, 5, 55, 20.5)'],
    ['Duration.FromText("-1.02:03:04")', '#duration(-1, -2, -3, -4)'],
    ['Duration.FromText("-00:30")', '#duration(0, 0, -30, 0)'],
    ['Duration.FromText("3")', '#duration(3, 0, 0, 0)'],
    ['Duration.FromText("12.00:00:00.0000001")', '#duration(12, 0, 0, 1e-7)'],
    ['Duration.FromText(" 1:00 ")', '#duration(0, 1, 0, 0)'],
    ['Duration.FromText(null)', 'null'],
    [
      'Duration.FromText("24:00")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Duration value.",
    ],
    [
      'Duration.FromText("1:60")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Duration value.",
    ],
    [
      'Duration.FromText("1:00:00.12345678")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Duration value.",
    ],
    [
      'Duration.FromText("abc")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Duration value.",
    ],
    ['Duration.ToText(#duration(2, 5, 55, 20))', '"2.05:55:20"'],
    ['Duration.ToText(#duration(0, 0, 54, 40))', '"00:54:40"'],
    ['Duration.ToText(#duration(0, 0, 0, 1.5))', '"00:00:01.5000000"'],
    ['Duration.ToText(-#duration(1, 2, 0, 0))', '"-1.02:00:00"'],
    ['Duration.ToText(#duration(0, 0, 0, 0))', '"00:00:00"'],
    ['Duration.ToText(null)', 'null'],
    [
      'Duration.ToText(#duration(1, 0, 0, 0), "c")',
      'error [Expression.Error] The format parameter of Duration.ToText is not supported: it must be null.',
    ],
    ['Duration.FromText(Duration.ToText(#duration(3, 4, 5, 6.789)))', '#duration(3, 4, 5, 6.789)'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
