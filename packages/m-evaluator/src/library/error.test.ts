import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Error.Record', () => {
  it.each([
    [
      'Error.Record("DivideByZero", "You attempted to divide by zero.")',
      '[Reason = "DivideByZero", Message = "You attempted to divide by zero.", Detail = null, Message.Format = null, Message.Parameters = null, ErrorCode = null]',
    ],
    [
      'Error.Record("NotFound")',
      '[Reason = "NotFound", Message = null, Detail = null, Message.Format = null, Message.Parameters = null, ErrorCode = null]',
    ],
    [
      'Error.Record("CustomerNotFound", "Customer ID 12345 wasn\'t found.", "Customer doesn\'t exist.", {"Invalid ID = 12345", "Valid IDs: https://api.contoso.com/customers"}, "ERR404")',
      '[Reason = "CustomerNotFound", Message = "Customer ID 12345 wasn\'t found.", Detail = "Customer doesn\'t exist.", Message.Format = "Customer ID 12345 wasn\'t found.", Message.Parameters = {"Invalid ID = 12345", "Valid IDs: https://api.contoso.com/customers"}, ErrorCode = "ERR404"]',
    ],
    [
      'Error.Record("Bad", "Value #{0} in #{1}", null, {"x", 3})',
      '[Reason = "Bad", Message = "Value x in 3", Detail = null, Message.Format = "Value #{0} in #{1}", Message.Parameters = {"x", 3}, ErrorCode = null]',
    ],
    [
      'Error.Record("FileNotFound", "File my.txt not found", [Path = "my.txt"])[Detail]',
      '[Path = "my.txt"]',
    ],
    [
      'try error Error.Record("FileNotFound", "File my.txt not found", "my.txt")',
      '[HasError = true, Error = [Reason = "FileNotFound", Message = "File my.txt not found", Detail = "my.txt", Message.Format = null, Message.Parameters = null]]',
    ],
    [
      'try error Error.Record("R", "#{0} and #{1}", null, {1, "two"}) catch (e) => e[Message]',
      '"1 and two"',
    ],
    [
      'let input = 100, divisor = 0 in try (if divisor = 0 then error Error.Record("DivideByZero", "You attempted to divide by zero.") else input / divisor) catch (e) => e[Reason]',
      '"DivideByZero"',
    ],
    [
      'Error.Record(null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    [
      'Error.Record("R", 1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Error.Record("R", "M", null, "p")',
      'error [Expression.Error] We cannot convert the value "p" to type List.',
    ],
    [
      'Error.Record("R", "M", null, null, 404)',
      'error [Expression.Error] We cannot convert the value 404 to type Text.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
