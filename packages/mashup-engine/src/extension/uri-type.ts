import { URI_TYPE_NAME, type TypeValue } from '@pqsdk/m-evaluator';

/**
 * Whether a type is `Uri.Type` (with or without metadata or nullability): `type text` with the
 * facet name `Uri.Type`, an ascribed type rather than a primitive one (powerquery-docs
 * `handling-resource-path.md`). The standard library defines the constant; the facet survives
 * `meta` and `Value.ReplaceType`, so `type function (url as Uri.Type) as any` keeps it. A data
 * source function whose only path parameter has this type gets the URL as its data source path.
 */
export function isUriType(type: TypeValue): boolean {
  return type.facets?.typeName === URI_TYPE_NAME;
}
