import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Combiner', () => {
  it.each([
    ['Combiner.CombineTextByDelimiter(";")({"a", "b", "c"})', '"a;b;c"'],
    ['Combiner.CombineTextByDelimiter(",", QuoteStyle.Csv)({"c", "d,e,f"})', '"c,""d,e,f"""'],
    ['Combiner.CombineTextByDelimiter(",")({"a", "say ""hi"""})', '"a,""say """"hi"""""""'],
    ['Combiner.CombineTextByDelimiter(",", QuoteStyle.None)({"c", "d,e,f"})', '"c,d,e,f"'],
    ['Combiner.CombineTextByDelimiter(",")({"a", null, "b"})', '"a,,b"'],
    ['Combiner.CombineTextByDelimiter(",")({})', '""'],
    ['Combiner.CombineTextByDelimiter(",")({"line#(lf)break"})', '"""line#(lf)break"""'],
    [
      'Combiner.CombineTextByDelimiter(",")({1})',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Combiner.CombineTextByDelimiter(",")("a")',
      'error [Expression.Error] We cannot convert the value "a" to type List.',
    ],
    ['Value.Type(Combiner.CombineTextByDelimiter(","))', 'type function (list as list) as text'],
    ['Combiner.CombineTextByEachDelimiter({"=", "+"})({"a", "b", "c"})', '"a=b+c"'],
    ['Combiner.CombineTextByEachDelimiter({"="})({"a", "b", "c"})', '"a=bc"'],
    ['Combiner.CombineTextByEachDelimiter({"=", "+"})({"a"})', '"a"'],
    ['Combiner.CombineTextByEachDelimiter({",", ";"})({"a;b", "c"})', '"""a;b"",c"'],
    ['Combiner.CombineTextByLengths({1, 2, 3})({"aaa", "bbb", "ccc"})', '"abbccc"'],
    ['Combiner.CombineTextByLengths({1, 2, 3}, "*********")({"aaa", "bbb", "ccc"})', '"abbccc***"'],
    ['Combiner.CombineTextByLengths({3, 3})({"a", "b"})', '"a  b"'],
    ['Combiner.CombineTextByPositions({0, 5, 10})({"abc", "def", "ghi"})', '"abc  def  ghi"'],
    ['Combiner.CombineTextByPositions({0, 2})({"abcdef", "XY"})', '"abXY"'],
    [
      'Combiner.CombineTextByRanges({{0, 1}, {3, 2}, {6, null}})({"abc", "def", "ghijkl"})',
      '"a  de ghijkl"',
    ],
    ['Combiner.CombineTextByRanges({{2, 2}}, "-----")({"xyz"})', '"--xy-"'],
    ['Combiner.CombineTextByRanges({{0, 2}, {4, 2}})({"ab"})', '"ab  "'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
