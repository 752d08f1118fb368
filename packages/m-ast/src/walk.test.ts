import { describe, expect, it } from 'vitest';
import type { Expression, Node } from './nodes.js';
import { EMPTY_SPAN } from './span.js';
import { forEachChild, walk } from './walk.js';

const span = EMPTY_SPAN;
const number = (value: number): Expression => ({
  kind: 'NumberLiteral',
  value,
  text: String(value),
  span,
});

const tree: Node = {
  kind: 'LetExpression',
  variables: [
    {
      kind: 'VariableDefinition',
      name: { kind: 'Identifier', name: 'a', quoted: false, span },
      value: { kind: 'BinaryExpression', operator: '+', left: number(1), right: number(2), span },
      span,
    },
  ],
  body: {
    kind: 'ListExpression',
    items: [number(3), { kind: 'RangeExpression', start: number(4), end: number(5), span }],
    span,
  },
  span,
};

describe('forEachChild', () => {
  it('visits the direct children in source order', () => {
    const kinds: string[] = [];
    forEachChild(tree, (child) => {
      kinds.push(child.kind);
    });
    expect(kinds).toEqual(['VariableDefinition', 'ListExpression']);
  });

  it('stops when the visitor returns true', () => {
    let count = 0;
    const stopped = forEachChild(tree, () => {
      count++;
      return true;
    });
    expect(stopped).toBe(true);
    expect(count).toBe(1);
  });

  it('skips absent optional children', () => {
    const kinds: string[] = [];
    forEachChild(
      {
        kind: 'FieldAccessExpression',
        field: { kind: 'Identifier', name: 'x', quoted: false, span },
        optional: false,
        span,
      },
      (child) => {
        kinds.push(child.kind);
      },
    );
    expect(kinds).toEqual(['Identifier']);
  });
});

describe('walk', () => {
  it('visits every node depth first, parents before children', () => {
    const visited: string[] = [];
    walk(tree, (node, parent) => {
      visited.push(`${node.kind}<${parent?.kind ?? ''}`);
    });
    expect(visited).toEqual([
      'LetExpression<',
      'VariableDefinition<LetExpression',
      'Identifier<VariableDefinition',
      'BinaryExpression<VariableDefinition',
      'NumberLiteral<BinaryExpression',
      'NumberLiteral<BinaryExpression',
      'ListExpression<LetExpression',
      'NumberLiteral<ListExpression',
      'RangeExpression<ListExpression',
      'NumberLiteral<RangeExpression',
      'NumberLiteral<RangeExpression',
    ]);
  });

  it('skips the children of a node when enter returns false', () => {
    const visited: string[] = [];
    walk(tree, (node) => {
      visited.push(node.kind);
      return node.kind !== 'VariableDefinition';
    });
    expect(visited).toEqual([
      'LetExpression',
      'VariableDefinition',
      'ListExpression',
      'NumberLiteral',
      'RangeExpression',
      'NumberLiteral',
      'NumberLiteral',
    ]);
  });

  it('walks a tree far deeper than the JavaScript stack allows for recursion', () => {
    let deep: Expression = number(0);
    for (let index = 0; index < 200_000; index++) {
      deep = { kind: 'UnaryExpression', operator: '-', operand: deep, span };
    }
    let count = 0;
    walk(deep, () => {
      count++;
    });
    expect(count).toBe(200_001);
  });
});
