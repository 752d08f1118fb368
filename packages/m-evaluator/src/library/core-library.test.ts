import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';
import { CORE_LIBRARY } from './core-library.js';
import type { LibraryFunction } from './define.js';
import { NativeFunction, signatureType } from './native-function.js';
import { VALUE_LIBRARY } from './value.js';

const ENTRIES = [...VALUE_LIBRARY, ...CORE_LIBRARY];
const FUNCTIONS = ENTRIES.filter((entry): entry is LibraryFunction => entry.kind === 'function');

/** Every function and constant of the reference pages of these namespaces (Value.FromText aside). */
const DOCUMENTED = {
  Value: [
    'Add',
    'Alternates',
    'As',
    'Compare',
    'Divide',
    'Equals',
    'Expression',
    'Firewall',
    'Is',
    'Lineage',
    'Metadata',
    'Multiply',
    'NativeQuery',
    'NullableEquals',
    'Optimize',
    'RemoveMetadata',
    'ReplaceMetadata',
    'ReplaceType',
    'Subtract',
    'Traits',
    'Type',
    'VersionIdentity',
    'Versions',
    'ViewError',
    'ViewFunction',
  ],
  Type: [
    'AddTableKey',
    'ClosedRecord',
    'Facets',
    'ForFunction',
    'ForRecord',
    'FunctionParameters',
    'FunctionRequiredParameters',
    'FunctionReturn',
    'Is',
    'IsNullable',
    'IsOpenRecord',
    'ListItem',
    'NonNullable',
    'OpenRecord',
    'RecordFields',
    'ReplaceFacets',
    'ReplaceTableKeys',
    'ReplaceTablePartitionKey',
    'TableColumn',
    'TableKeys',
    'TablePartitionKey',
    'TableRow',
    'TableSchema',
    'Union',
  ],
  Record: [
    'AddField',
    'Combine',
    'Field',
    'FieldCount',
    'FieldNames',
    'FieldOrDefault',
    'FieldValues',
    'FromList',
    'FromTable',
    'HasFields',
    'RemoveFields',
    'RenameFields',
    'ReorderFields',
    'SelectFields',
    'ToList',
    'ToTable',
    'TransformFields',
  ],
  Logical: ['From', 'FromText', 'ToText'],
  Error: ['Record'],
  Function: [
    'From',
    'Invoke',
    'InvokeAfter',
    'InvokeWithErrorContext',
    'IsDataSource',
    'ScalarVector',
  ],
  Expression: ['Constant', 'Evaluate', 'Identifier'],
  Diagnostics: ['ActivityId', 'CorrelationId', 'Trace'],
  TraceLevel: ['Critical', 'Error', 'Information', 'Type', 'Verbose', 'Warning'],
} as const;

describe('the core library', () => {
  it.each(Object.entries(DOCUMENTED))('has every documented member of %s', (namespace, names) => {
    const present = new Set(ENTRIES.map((entry) => entry.name));
    expect(names.filter((name) => !present.has(`${namespace}.${name}`))).toEqual([]);
  });

  it('declares every name once', () => {
    const names = ENTRIES.map((entry) => entry.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(FUNCTIONS.map((entry) => [entry.name, entry] as const))(
    'reads the signature of %s',
    (_name, entry) => {
      expect(signatureType(entry.name, entry.signature).shape.kind).toBe('function');
      expect(new NativeFunction(entry).type.shape.kind).toBe('function');
    },
  );

  it.each([
    [
      'Value.Type(Record.AddField)',
      'type function (record as record, fieldName as text, value as any, optional delayed as nullable logical) as record',
    ],
    ['Value.Type(Value.ReplaceType)', 'type function (value as any, #"type" as type) as any'],
    [
      'Type.FunctionParameters(Value.Type(Diagnostics.Trace))',
      '[traceLevel = type number, message = type anynonnull, value = type any, delayed = type nullable logical]',
    ],
    [
      'Type.FunctionParameters(Value.Type(Error.Record))',
      '[reason = type text, message = type nullable text, detail = type any, parameters = type nullable list, errorCode = type nullable text]',
    ],
    ['Type.FunctionRequiredParameters(Value.Type(Error.Record))', '1'],
    ['Type.FunctionReturn(Value.Type(Value.NullableEquals))', 'type nullable logical'],
    ['Type.FunctionParameters(Value.Type(Diagnostics.ActivityId))', '[]'],
    ['Type.FunctionReturn(Value.Type(Expression.Evaluate))', 'type any'],
    ['Record.FieldNames(Type.FunctionParameters(Value.Type(Value.ViewFunction)))', '{"function"}'],
    ['Record.FieldCount(Type.FunctionParameters(Value.Type(Value.NativeQuery)))', '4'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});
