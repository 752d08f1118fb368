import { defineFunction, MError, RecordValue, type LibraryEntry } from '@pqsdk/m-evaluator';
import { valueOfJson } from './json-values.js';
import type { EvaluationServices } from './services.js';

/**
 * `Environment.Configuration`, `Variable.ValueOrDefault`, `Variable.Value`,
 * `Extension.CurrentApplication` and `Web.DefaultProxy`: what the host tells a connector about
 * where it runs, all from the engine's settings.
 */
export function environmentFunctions(services: EvaluationServices): LibraryEntry[] {
  const { settings } = services;
  return [
    defineFunction('Environment.Configuration', '() as record', () =>
      valueOfJson(settings.environmentConfiguration),
    ),
    defineFunction(
      'Variable.ValueOrDefault',
      '(identifier as text, optional defaultValue as any) as any',
      (_ctx, [identifier, defaultValue]) => {
        const value = settings.variables[identifier as string];
        return value === undefined ? defaultValue : valueOfJson(value);
      },
    ),
    defineFunction('Variable.Value', '(identifier as text) as any', (_ctx, [identifier]) => {
      const value = settings.variables[identifier as string];
      if (value === undefined) {
        throw MError.expression(
          `The variable '${identifier as string}' is not defined in this environment.`,
          identifier,
        );
      }
      return valueOfJson(value);
    }),
    defineFunction('Extension.CurrentApplication', '() as record', () =>
      valueOfJson(settings.application),
    ),
    defineFunction('Web.DefaultProxy', '(serverUri as text) as record', () =>
      settings.proxyUri === undefined
        ? RecordValue.EMPTY
        : RecordValue.of([['ProxyUri', settings.proxyUri]]),
    ),
  ];
}
