import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';
import { dateOrderOf, getCulture, INVARIANT_CULTURE } from './culture.js';

describe('getCulture', () => {
  it.each([
    ['en-US', '.', ',', 'M/d/yyyy', 'MDY'],
    ['en-GB', '.', ',', 'dd/MM/yyyy', 'DMY'],
    ['de-DE', ',', '.', 'dd.MM.yyyy', 'DMY'],
    ['fr-FR', ',', '\u00a0', 'dd/MM/yyyy', 'DMY'],
    ['', '.', ',', 'MM/dd/yyyy', 'MDY'],
  ])('%s has the separators %s %s and the pattern %s', (name, decimal, group, pattern, order) => {
    const culture = getCulture(name);
    expect(culture.number.decimalSeparator).toBe(decimal);
    expect(culture.number.groupSeparator).toBe(group);
    expect(culture.dateTime.shortDatePattern).toBe(pattern);
    expect(culture.dateOrder).toBe(order);
  });

  it('reads names without regard to case, and bare languages', () => {
    expect(getCulture('DE-de')).toBe(getCulture('de-DE'));
    expect(getCulture('fr')).toBe(getCulture('fr-FR'));
    expect(getCulture(' en-us ')).toBe(getCulture('en-US'));
  });

  it('derives other cultures from Intl', () => {
    const spanish = getCulture('es-ES');
    expect(spanish.name).toBe('es-ES');
    expect(spanish.number.decimalSeparator).toBe(',');
    expect(spanish.dateTime.monthNames[0]).toBe('enero');
    expect(spanish.dateTime.dayNames[0]).toBe('domingo');
    expect(spanish.dateOrder).toBe('DMY');
    expect(getCulture('ja-JP').dateOrder).toBe('YMD');
    expect(getCulture('es-ES')).toBe(spanish);
  });

  it('falls back to the invariant culture for names it does not know', () => {
    expect(getCulture('not a culture')).toBe(INVARIANT_CULTURE);
    expect(getCulture('zz-ZZ').number.decimalSeparator).toBe('.');
  });

  it.each([
    ['M/d/yyyy', 'MDY'],
    ['dd.MM.yyyy', 'DMY'],
    ['yyyy/MM/dd', 'YMD'],
  ])('dateOrderOf(%s) = %s', (pattern, order) => {
    expect(dateOrderOf(pattern)).toBe(order);
  });
});

describe('Culture.Current', () => {
  it('is the culture of the evaluation, en-US by default', () => {
    expect(m('Culture.Current')).toBe('"en-US"');
    expect(m('Culture.Current', { culture: 'de-DE' })).toBe('"de-DE"');
    expect(m('Record.Field(#shared, "Culture.Current")', { culture: 'fr-FR' })).toBe('"fr-FR"');
  });

  it('is made once per evaluation', () => {
    expect(m('Culture.Current = Culture.Current and Value.Is(Culture.Current, type text)')).toBe(
      'true',
    );
  });
});
