import { describe, expect, it } from 'vitest';
import { displayWidth, formatTextTable, truncate } from './text-table.js';

describe('formatTextTable', () => {
  it('aligns the columns under a rule, numbers to the right', () => {
    expect(
      formatTextTable(
        ['Id', 'Name'],
        [
          ['1', 'Ada'],
          ['12', 'Grace'],
        ],
        { width: 80, rightAligned: new Set([0]) },
      ),
    ).toEqual(['Id  Name', '--  -----', ' 1  Ada', '12  Grace']);
  });

  it('cuts the widest column first to fit the width', () => {
    const lines = formatTextTable(
      ['A', 'Description'],
      [['x', 'a rather long piece of text that will not fit']],
      { width: 20 },
    );
    expect(lines).toEqual(['A  Description', '-  -----------------', 'x  a rather long pi…']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it('leaves out the last columns when even narrow ones do not fit', () => {
    const headers = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
    const lines = formatTextTable(headers, [['1', '2', '3', '4', '5']], { width: 16 });
    expect(lines).toEqual([
      'Alp…  Beta  Gam…',
      '----  ----  ----',
      '1     2     3',
      '(2 more columns not shown: Delta, Epsilon)',
    ]);
  });

  it('counts East Asian wide characters as two columns and shows control characters as spaces', () => {
    expect(displayWidth('こんにちは')).toBe(10);
    expect(truncate('こんにちは', 6)).toBe('こん…');
    expect(formatTextTable(['T'], [['a\tb\nc']], { width: 10 })).toEqual(['T', '-----', 'a b c']);
  });
});
