import {
  AnnotatedValue,
  printValue,
  strip,
  type Context,
  type FunctionTypeParameter,
  type TypeValue,
  type Value,
} from '@pqsdk/m-evaluator';
import { isUriType } from '../extension/uri-type.js';

/**
 * Whether a parameter of a data source function is part of its data source path: required, and
 * not marked `DataSource.Path = false` in its type's metadata (powerquery-docs
 * `handling-resource-path.md`).
 */
export function isPathParameter(parameter: FunctionTypeParameter): boolean {
  if (parameter.optional) return false;
  const flag = parameter.type.meta?.fieldOrUndefined('DataSource.Path');
  return !(flag !== undefined && strip(flag) === false);
}

/**
 * The data source path of a call of a data source function (powerquery-docs
 * `handling-resource-path.md`):
 *
 * - no path parameter: the kind name (a singleton);
 * - a single path parameter of type `Uri.Type`: the URL given;
 * - otherwise: the JSON object of the path parameters, in declaration order, written compactly
 *   (`{"message":"Hello"}`), as the SDK's credential prompt shows it.
 *
 * Parameter values that are not null, logical, number or text are written as their M literal
 * text inside the JSON.
 */
export function dataSourcePath(
  ctx: Context,
  kind: string,
  type: TypeValue,
  args: readonly Value[],
): string {
  if (type.shape.kind !== 'function') return kind;
  const parameters = type.shape.parameters;
  const path = parameters
    .map((parameter, index) => ({ parameter, value: args[index] ?? null }))
    .filter(({ parameter }) => isPathParameter(parameter));
  if (path.length === 0) return kind;
  const [only] = path;
  if (path.length === 1 && only !== undefined && isUriType(only.parameter.type)) {
    const value = strip(only.value);
    if (typeof value === 'string') return value;
  }
  const object: Record<string, unknown> = {};
  for (const { parameter, value } of path) object[parameter.name] = jsonOf(ctx, value);
  return JSON.stringify(object);
}

function jsonOf(ctx: Context, value: Value): unknown {
  const plain = value instanceof AnnotatedValue ? value.value : value;
  if (plain === null || typeof plain === 'boolean' || typeof plain === 'string') return plain;
  if (typeof plain === 'number') return Number.isFinite(plain) ? plain : String(plain);
  return printValue(ctx, plain);
}
