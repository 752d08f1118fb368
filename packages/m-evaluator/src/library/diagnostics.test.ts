import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../context.js';
import { m } from '../../test/evaluate.js';

function traced(text: string): { result: string; entries: TraceEntry[] } {
  const entries: TraceEntry[] = [];
  const result = m(text, { trace: { trace: (entry) => entries.push(entry) } });
  return { result, entries };
}

describe('Diagnostics.Trace', () => {
  it.each([
    ['TraceLevel.Critical', 'Critical'],
    ['TraceLevel.Error', 'Error'],
    ['TraceLevel.Warning', 'Warning'],
    ['TraceLevel.Information', 'Information'],
    ['TraceLevel.Verbose', 'Verbose'],
  ])('writes at %s and returns the value', (level, name) => {
    const { result, entries } = traced(`Diagnostics.Trace(${level}, "message", 42)`);
    expect(result).toBe('42');
    expect(entries).toEqual([
      { level: name, message: 'message', detail: '42', timestamp: '2024-01-31T13:05:00.000Z' },
    ]);
  });

  it('writes a text value as it is, and any other value as an M literal', () => {
    expect(
      traced('Diagnostics.Trace(TraceLevel.Information, "t", "plain")').entries[0]?.detail,
    ).toBe('plain');
    expect(
      traced('Diagnostics.Trace(TraceLevel.Information, "r", [a = {1, "x"}])').entries[0]?.detail,
    ).toBe('[a = {1, "x"}]');
    expect(
      traced('Diagnostics.Trace(TraceLevel.Information, "e", [a = error "bad"])').entries[0]
        ?.detail,
    ).toBe(
      '[a = error [Reason = "Expression.Error", Message = "bad", Detail = null, Message.Format = null, Message.Parameters = null]]',
    );
  });

  it('writes a message that is not text as an M literal', () => {
    expect(traced('Diagnostics.Trace(TraceLevel.Warning, 12, null)').entries[0]?.message).toBe(
      '12',
    );
  });

  it('returns the value with its metadata', () => {
    expect(
      traced('Value.Metadata(Diagnostics.Trace(TraceLevel.Verbose, "m", 1 meta [a = 1]))').result,
    ).toBe('[a = 1]');
  });

  it('with delayed, traces first and then invokes the value', () => {
    const { result, entries } = traced(
      'Diagnostics.Trace(TraceLevel.Information, "TextValueFromNumber", () => Record.FieldCount([a = 1]), true)',
    );
    expect(result).toBe('1');
    expect(entries).toEqual([
      {
        level: 'Information',
        message: 'TextValueFromNumber',
        timestamp: '2024-01-31T13:05:00.000Z',
      },
    ]);
  });

  it('with delayed, still traces when the value raises an error', () => {
    const { result, entries } = traced(
      'Diagnostics.Trace(TraceLevel.Error, "before", () => error "after", true)',
    );
    expect(result).toBe('error [Expression.Error] after');
    expect(entries.map((entry) => entry.message)).toEqual(['before']);
  });

  it('without delayed, returns a function value as it is', () => {
    expect(traced('Diagnostics.Trace(TraceLevel.Information, "f", () => 1, false)()').result).toBe(
      '1',
    );
    expect(traced('Diagnostics.Trace(TraceLevel.Information, "f", 5, true)').result).toBe('5');
  });

  it('writes nothing, and computes nothing extra, without a tracer', () => {
    expect(m('Diagnostics.Trace(TraceLevel.Information, "m", [a = error "never"])[b]?')).toBe(
      'null',
    );
  });

  it('cuts a very long trace text', () => {
    const detail = traced('Diagnostics.Trace(TraceLevel.Verbose, "m", {1..5000})').entries[0]
      ?.detail;
    expect(detail?.length).toBe(10_000);
    expect(detail?.startsWith('{1, 2, 3')).toBe(true);
    expect(detail?.endsWith('…')).toBe(true);
  });

  it.each([
    [
      'Diagnostics.Trace(3, "m", 1)',
      'error [Expression.Error] The trace level must be one of the TraceLevel values (TraceLevel.Critical, TraceLevel.Error, TraceLevel.Warning, TraceLevel.Information, TraceLevel.Verbose).',
    ],
    [
      'Diagnostics.Trace("Information", "m", 1)',
      'error [Expression.Error] We cannot convert the value "Information" to type Number.',
    ],
    [
      'Diagnostics.Trace(TraceLevel.Information, null, 1)',
      'error [Expression.Error] We cannot convert the value null to type AnyNonNull.',
    ],
    [
      'Diagnostics.Trace(TraceLevel.Information, "m", 1, "yes")',
      'error [Expression.Error] We cannot convert the value "yes" to type Logical.',
    ],
    [
      'Diagnostics.Trace(TraceLevel.Information, "m")',
      'error [Expression.Error] 2 arguments were passed to a function which expects between 3 and 4.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Diagnostics.ActivityId and Diagnostics.CorrelationId', () => {
  const GUID = /^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/;

  it('are GUIDs that depend only on the evaluation clock', () => {
    const activity = m('Diagnostics.ActivityId()');
    const correlation = m('Diagnostics.CorrelationId()');
    expect(activity).toMatch(GUID);
    expect(correlation).toMatch(GUID);
    expect(activity).not.toBe(correlation);
    expect(m('Diagnostics.ActivityId()')).toBe(activity);
    expect(m('Diagnostics.ActivityId() = Diagnostics.ActivityId()')).toBe('true');
    expect(m('Diagnostics.ActivityId()', { now: new Date('2025-06-01T00:00:00Z') })).not.toBe(
      activity,
    );
  });

  it('take no arguments', () => {
    expect(m('Diagnostics.ActivityId(1)')).toBe(
      'error [Expression.Error] 1 arguments were passed to a function which expects 0.',
    );
  });
});

describe('TraceLevel', () => {
  it.each([
    ['TraceLevel.Critical', '1'],
    ['TraceLevel.Error', '2'],
    ['TraceLevel.Warning', '4'],
    ['TraceLevel.Information', '8'],
    ['TraceLevel.Verbose', '16'],
    ['TraceLevel.Type', 'type number'],
    ['Value.Metadata(TraceLevel.Type)[Documentation.AllowedValues]', '{1, 2, 4, 8, 16}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
