/**
 * A local stand-in for the (fictional) Tide Gauge observations API that examples/TableViewFolding
 * calls: `GET /v1/observations` on 127.0.0.1, an ephemeral port, over a fixed set of observations.
 *
 * It understands the query the connector builds from its `Table.View` state:
 *
 *     station=BRST,NWLN            only these stations
 *     compute=name:expression,…    computed fields
 *     where=expression             a filter (joined clauses)
 *     group_by=a,b & aggregate=name:avg(level),n:count(),…
 *     sort=-time,station           `-` for descending
 *     distinct=a,b                 the first row of each distinct key
 *     fields=a,b                   the fields returned
 *     count=true                   answer with the count (before paging)
 *     offset=10 & limit=25         paging
 *
 * applied in that order. Expressions use `eq ne gt ge lt le and or add sub mul div not`, `-(x)`,
 * `iif(c, a, b)`, the functions `startswith endswith contains tolower toupper round abs year month
 * day`, and literals: numbers, `'text'` (`''` for a quote), `true`, `false`, `null` and ISO dates.
 * A query it cannot read gets a 400 with the reason.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One observation, as the API spells its fields. */
export interface Observation {
  readonly station: string;
  readonly time: string;
  readonly level: number;
  readonly residual: number | null;
  readonly quality_flag: number;
  readonly datum: string;
  readonly lat: number;
  readonly lon: number;
}

type Cell = string | number | boolean | null;
type Row = Readonly<Record<string, Cell>>;

const STATIONS = [
  { station: 'BRST', datum: 'CD', lat: 48.383, lon: -4.495, mean: 3.2, amplitude: 2.4, phase: 0 },
  { station: 'NWLN', datum: 'OD', lat: 50.103, lon: -5.543, mean: 2.9, amplitude: 2.1, phase: 3 },
  { station: 'ABDN', datum: 'CD', lat: 57.144, lon: -2.08, mean: 2.4, amplitude: 1.6, phase: 7 },
  { station: 'BNGR', datum: 'OD', lat: 54.665, lon: -5.669, mean: 1.9, amplitude: 1.4, phase: 5 },
] as const;

/** Hourly readings per station, from 2024-03-01T00:00Z. */
export const HOURS = 96;

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** The observations the service holds, station by station, in time order. */
export const OBSERVATIONS: readonly Observation[] = STATIONS.flatMap((site) =>
  Array.from({ length: HOURS }, (_, hour): Observation => {
    const time = new Date(Date.UTC(2024, 2, 1, hour)).toISOString().replace('.000Z', '+00:00');
    const angle = (2 * Math.PI * (hour + site.phase)) / 12.42;
    return {
      station: site.station,
      time,
      level: round(site.mean + site.amplitude * Math.sin(angle), 2),
      residual: hour % 5 === 0 ? null : round(0.15 * Math.cos(angle * 3), 3),
      quality_flag: hour % 9 === 0 ? 0 : hour % 4 === 0 ? 2 : 1,
      datum: site.datum,
      lat: site.lat,
      lon: site.lon,
    };
  }),
);

/** A query the service cannot answer. */
class BadQuery extends Error {}

// ---------------------------------------------------------------------------------------------
// The expression language
// ---------------------------------------------------------------------------------------------

type Expr =
  | { readonly kind: 'literal'; readonly value: Cell }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'unary'; readonly operator: 'not' | 'neg'; readonly operand: Expr }
  | {
      readonly kind: 'binary';
      readonly operator: string;
      readonly left: Expr;
      readonly right: Expr;
    };

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

type Token =
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ',' | '-' }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'literal'; readonly value: Cell };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const first = rest[0] as string;
    if (first === ' ') {
      rest = rest.slice(1);
    } else if (first === '(' || first === ')' || first === ',' || first === '-') {
      tokens.push({ kind: 'punct', text: first });
      rest = rest.slice(1);
    } else if (first === "'") {
      let index = 1;
      let value = '';
      for (;;) {
        const quote = rest.indexOf("'", index);
        if (quote < 0) throw new BadQuery(`unterminated text in ${text}`);
        value += rest.slice(index, quote);
        if (rest[quote + 1] === "'") {
          value += "'";
          index = quote + 2;
        } else {
          rest = rest.slice(quote + 1);
          break;
        }
      }
      tokens.push({ kind: 'literal', value });
    } else {
      const date = DATE.exec(rest);
      const number = NUMBER.exec(rest);
      const word = WORD.exec(rest);
      if (date !== null && date[0].length > 4) {
        tokens.push({ kind: 'literal', value: date[0] });
        rest = rest.slice(date[0].length);
      } else if (number !== null) {
        tokens.push({ kind: 'literal', value: Number(number[0]) });
        rest = rest.slice(number[0].length);
      } else if (word !== null) {
        const name = word[0];
        if (name === 'true' || name === 'false') {
          tokens.push({ kind: 'literal', value: name === 'true' });
        } else if (name === 'null') {
          tokens.push({ kind: 'literal', value: null });
        } else {
          tokens.push({ kind: 'word', text: name });
        }
        rest = rest.slice(name.length);
      } else {
        throw new BadQuery(`cannot read ${JSON.stringify(rest)}`);
      }
    }
  }
  return tokens;
}

const LEVELS: readonly (readonly string[])[] = [
  ['or'],
  ['and'],
  ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  ['add', 'sub'],
  ['mul', 'div'],
];

/** Parses an expression (precedence climbing over {@link LEVELS}). */
function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isWord = (token: Token | undefined, words: readonly string[]): boolean =>
    token?.kind === 'word' && words.includes(token.text);
  const isPunct = (token: Token | undefined, punct: string): boolean =>
    token?.kind === 'punct' && token.text === punct;
  const expect = (punct: string): void => {
    if (!isPunct(peek(), punct)) throw new BadQuery(`expected ${punct} in ${text}`);
    position++;
  };

  const level = (depth: number): Expr => {
    const operators = LEVELS[depth];
    if (operators === undefined) return unary();
    let left = level(depth + 1);
    while (isWord(peek(), operators)) {
      const operator = (peek() as { text: string }).text;
      position++;
      left = { kind: 'binary', operator, left, right: level(depth + 1) };
    }
    return left;
  };
  const unary = (): Expr => {
    const token = peek();
    if (isWord(token, ['not'])) {
      position++;
      return { kind: 'unary', operator: 'not', operand: unary() };
    }
    if (isPunct(token, '-')) {
      position++;
      const next = peek();
      if (next?.kind === 'literal' && typeof next.value === 'number') {
        position++;
        return { kind: 'literal', value: -next.value };
      }
      return { kind: 'unary', operator: 'neg', operand: unary() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const token = peek();
    position++;
    if (token === undefined) throw new BadQuery(`unexpected end of ${text}`);
    if (token.kind === 'literal') return { kind: 'literal', value: token.value };
    if (token.kind === 'punct' && token.text === '(') {
      const inner = level(0);
      expect(')');
      return inner;
    }
    if (token.kind === 'word') {
      if (!isPunct(peek(), '(')) return { kind: 'field', name: token.text };
      position++;
      const args: Expr[] = [];
      if (!isPunct(peek(), ')')) {
        args.push(level(0));
        while (isPunct(peek(), ',')) {
          position++;
          args.push(level(0));
        }
      }
      expect(')');
      return { kind: 'call', name: token.text, args };
    }
    throw new BadQuery(`unexpected ${token.text} in ${text}`);
  };

  const expression = level(0);
  if (position !== tokens.length) throw new BadQuery(`unexpected text after ${text}`);
  return expression;
}

function isDate(value: Cell): value is string {
  return typeof value === 'string' && DATE.test(value) && value.length > 4;
}

/** Orders two cells: numbers, texts (ordinal), dates (as instants); null first. */
function compareCells(left: Cell, right: Cell): number {
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  if (isDate(left) && isDate(right)) return Date.parse(left) - Date.parse(right);
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const a = String(left);
  const b = String(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

function number(value: Cell): number | null {
  if (value === null) return null;
  if (typeof value !== 'number') throw new BadQuery(`${JSON.stringify(value)} is not a number`);
  return value;
}

function text(value: Cell): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new BadQuery(`${JSON.stringify(value)} is not a text`);
  return value;
}

function arithmetic(operator: string, left: Cell, right: Cell): Cell {
  const a = number(left);
  const b = number(right);
  if (a === null || b === null) return null;
  switch (operator) {
    case 'add':
      return a + b;
    case 'sub':
      return a - b;
    case 'mul':
      return a * b;
    default:
      return a / b;
  }
}

function call(name: string, args: readonly Cell[]): Cell {
  const [first = null, second = null] = args;
  switch (name) {
    case 'startswith':
    case 'endswith':
    case 'contains': {
      const value = text(first);
      const part = text(second);
      if (value === null || part === null) return null;
      if (name === 'startswith') return value.startsWith(part);
      return name === 'endswith' ? value.endsWith(part) : value.includes(part);
    }
    case 'tolower':
      return text(first)?.toLowerCase() ?? null;
    case 'toupper':
      return text(first)?.toUpperCase() ?? null;
    case 'round': {
      const value = number(first);
      return value === null ? null : round(value, number(second) ?? 0);
    }
    case 'abs': {
      const value = number(first);
      return value === null ? null : Math.abs(value);
    }
    case 'year':
    case 'month':
    case 'day': {
      if (!isDate(first)) return null;
      const [year, month, day] = first.slice(0, 10).split('-').map(Number) as [
        number,
        number,
        number,
      ];
      return name === 'year' ? year : name === 'month' ? month : day;
    }
    default:
      throw new BadQuery(`unknown function ${name}`);
  }
}

function evaluate(expression: Expr, row: Row): Cell {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'field':
      if (!(expression.name in row)) throw new BadQuery(`unknown field ${expression.name}`);
      return row[expression.name] ?? null;
    case 'call':
      if (expression.name === 'iif') {
        const [condition, whenTrue, whenFalse] = expression.args;
        if (condition === undefined || whenTrue === undefined || whenFalse === undefined) {
          throw new BadQuery('iif takes three arguments');
        }
        return evaluate(condition, row) === true
          ? evaluate(whenTrue, row)
          : evaluate(whenFalse, row);
      }
      return call(
        expression.name,
        expression.args.map((argument) => evaluate(argument, row)),
      );
    case 'unary': {
      const value = evaluate(expression.operand, row);
      if (value === null) return null;
      return expression.operator === 'not' ? value !== true : -(number(value) ?? 0);
    }
    case 'binary': {
      const { operator } = expression;
      if (operator === 'and' || operator === 'or') {
        const left = evaluate(expression.left, row) === true;
        if (operator === 'and' && !left) return false;
        if (operator === 'or' && left) return true;
        return evaluate(expression.right, row) === true;
      }
      const left = evaluate(expression.left, row);
      const right = evaluate(expression.right, row);
      if (operator === 'eq') return compareCells(left, right) === 0;
      if (operator === 'ne') return compareCells(left, right) !== 0;
      if (['gt', 'ge', 'lt', 'le'].includes(operator)) {
        if (left === null || right === null) return false;
        const order = compareCells(left, right);
        return operator === 'gt'
          ? order > 0
          : operator === 'ge'
            ? order >= 0
            : operator === 'lt'
              ? order < 0
              : order <= 0;
      }
      return arithmetic(operator, left, right);
    }
  }
}

/** Splits `a,b(c,d),e` at the commas outside parentheses and quotes. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(value.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** `name:expression` */
function named(part: string): { readonly name: string; readonly expression: string } {
  const colon = part.indexOf(':');
  if (colon <= 0) throw new BadQuery(`expected name:expression, got ${part}`);
  return { name: part.slice(0, colon), expression: part.slice(colon + 1) };
}

function aggregate(expression: string, rows: readonly Row[]): Cell {
  const match = /^(sum|avg|min|max|count)\(([A-Za-z_][A-Za-z0-9_]*)?\)$/.exec(expression);
  if (match === null) throw new BadQuery(`unknown aggregate ${expression}`);
  const [, fn, field] = match as unknown as [string, string, string | undefined];
  if (fn === 'count') return rows.length;
  if (field === undefined) throw new BadQuery(`${fn} needs a field`);
  const values = rows
    .map((row) => row[field] ?? null)
    .filter((value): value is number => typeof value === 'number');
  if (values.length === 0) return null;
  switch (fn) {
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'avg':
      return values.reduce((total, value) => total + value, 0) / values.length;
    case 'min':
      return Math.min(...values);
    default:
      return Math.max(...values);
  }
}

/** Answers one query: `{data: rows}`, or `{count: n, data: []}` for `count=true`. */
export function answer(query: URLSearchParams): { count?: number; data: Row[] } {
  const list = (name: string): string[] => splitList(query.get(name) ?? '');
  let rows: Row[] = [...OBSERVATIONS] as unknown as Row[];
  const stations = list('station');
  if (stations.length > 0) rows = rows.filter((row) => stations.includes(String(row['station'])));
  for (const part of list('compute')) {
    const { name, expression } = named(part);
    const parsed = parseExpression(expression);
    rows = rows.map((row) => ({ ...row, [name]: evaluate(parsed, row) }));
  }
  const where = query.get('where');
  if (where !== null) {
    const parsed = parseExpression(where);
    rows = rows.filter((row) => evaluate(parsed, row) === true);
  }
  const groupBy = list('group_by');
  if (groupBy.length > 0 || query.has('aggregate')) {
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const key = JSON.stringify(groupBy.map((field) => row[field] ?? null));
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [row]);
      else group.push(row);
    }
    const aggregates = list('aggregate').map(named);
    rows = [...groups.values()].map((group) => {
      const first = group[0] as Row;
      const out: Record<string, Cell> = {};
      for (const field of groupBy) out[field] = first[field] ?? null;
      for (const { name, expression } of aggregates) out[name] = aggregate(expression, group);
      return out;
    });
  }
  const sort = list('sort').map((part) =>
    part.startsWith('-')
      ? { field: part.slice(1), descending: true }
      : { field: part, descending: false },
  );
  if (sort.length > 0) {
    rows = rows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => {
        for (const { field, descending } of sort) {
          const order = compareCells(a.row[field] ?? null, b.row[field] ?? null);
          if (order !== 0) return descending ? -order : order;
        }
        return a.index - b.index;
      })
      .map(({ row }) => row);
  }
  const distinct = list('distinct');
  if (distinct.length > 0) {
    const seen = new Set<string>();
    rows = rows.filter((row) => {
      const key = JSON.stringify(distinct.map((field) => row[field] ?? null));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const fields = list('fields');
  if (fields.length > 0) {
    rows = rows.map((row) =>
      Object.fromEntries(fields.map((field) => [field, row[field] ?? null])),
    );
  }
  if (query.get('count') === 'true') return { count: rows.length, data: [] };
  const offset = Number(query.get('offset') ?? '0');
  const limit = Number(query.get('limit') ?? '10000');
  if (!Number.isInteger(offset) || !Number.isInteger(limit) || offset < 0 || limit < 0) {
    throw new BadQuery('offset and limit must be whole numbers');
  }
  return { data: rows.slice(offset, offset + Math.min(limit, 10000)) };
}

/** A request the service received. */
export interface TideGaugeRequest {
  readonly path: string;
  /** The query parameters, decoded. */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The running service. */
export interface TideGaugeService {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly requests: TideGaugeRequest[];
  close(): Promise<void>;
}

/** Starts the service on 127.0.0.1 with an ephemeral port. */
export async function startTideGaugeService(): Promise<TideGaugeService> {
  const requests: TideGaugeRequest[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
    });
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || url.pathname !== '/v1/observations') {
      send(404, { error: `no such resource: ${request.method ?? ''} ${url.pathname}` });
      return;
    }
    try {
      send(200, answer(url.searchParams));
    } catch (error) {
      if (!(error instanceof BadQuery)) throw error;
      send(400, { error: error.message });
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
