/**
 * `@pqsdk/m-evaluator`: lazy evaluation of Power Query M, its type system, errors, metadata and
 * standard library.
 *
 * @packageDocumentation
 */
export { Engine, LoadedSection, guard, parseExpression, parseSection } from './engine.js';
export type { EngineOptions, EvaluationHost, SectionMember } from './engine.js';
export { Context } from './context.js';
export type { EvaluationOptions, TraceEntry, TraceLevel, Tracer } from './context.js';
export { EvaluationAbortedError, MError, REASON, notImplemented } from './errors.js';
export type { ErrorRecordFields } from './errors.js';
export { errorToRecord } from './compile/error-values.js';
export { printValue } from './print/print-value.js';
export type { PrintValueOptions } from './print/print-value.js';
export { valueSyntax } from './print/value-syntax.js';
export { defineConstant, defineContextValue, defineFunction } from './library/define.js';
export type {
  Arguments,
  LibraryConstant,
  LibraryContextValue,
  LibraryEntry,
  LibraryFunction,
  NativeImplementation,
} from './library/define.js';
export { NativeFunction } from './library/native-function.js';
export { STANDARD_LIBRARY } from './library/standard-library.js';
export { URI_TYPE_NAME } from './library/type-constants.js';
export {
  asBinary,
  asCount,
  asFunction,
  asInteger,
  asList,
  asLogical,
  asNumber,
  asNumberOrNull,
  asOptions,
  asRecord,
  asTable,
  asText,
  asTextOrNull,
  asType,
  typeError,
} from './library/arguments.js';
export { AnnotatedValue, describeKind, primitiveTypeOf, strip } from './values/value.js';
export type { ObjectValue, Primitive, Value } from './values/value.js';
export { Thunk, force } from './values/thunk.js';
export type { Slot } from './values/thunk.js';
export { RecordLayout, RecordValue } from './values/record.js';
export {
  ArrayList,
  ConcatList,
  ListValue,
  NumberRangeList,
  StreamList,
  arrayCursor,
} from './values/list.js';
export type { ListCursor } from './values/list.js';
export { ArrayRows, StreamRows, TableValue, cell } from './values/table.js';
export type { RowCursor, RowSource, TableOperation } from './values/table.js';
export {
  FOLDING_FAILURE_MESSAGE,
  HANDLER_OF,
  describeOperation,
} from './library/table/view-trace.js';
export type { FoldEvent, FoldOperation, FoldOutcome } from './library/table/view-trace.js';
export { FunctionValue } from './values/function.js';
export { BinaryValue } from './values/binary.js';
export {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from './values/temporal.js';
export {
  TYPE,
  TypeValue,
  fieldsOf,
  functionType,
  listType,
  nullablePrimitive,
  recordType,
  tableType,
} from './values/type.js';
export type {
  FunctionTypeParameter,
  PrimitiveTypeName,
  RecordTypeField,
  TableKey,
  TypeFacets,
  TypeShape,
} from './values/type.js';
export { conforms } from './types/conformance.js';
export { typeOfValue } from './types/value-type.js';
export { compare, equals } from './operators/compare.js';
