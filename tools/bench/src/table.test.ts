import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns to their widest cell and right-aligns the chosen ones', () => {
    const table = renderTable(
      ['name', 'value'],
      [
        ['a', '1'],
        ['longer', '100'],
      ],
      new Set([1]),
    );
    expect(table).toMatchInlineSnapshot(`
      "name    value
      ------  -----
      a           1
      longer    100"
    `);
  });
});
