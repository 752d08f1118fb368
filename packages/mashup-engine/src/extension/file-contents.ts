import { defineFunction, MError, RecordValue, REASON, type LibraryEntry } from '@pqsdk/m-evaluator';
import type { FileReadFailureKind } from '../evaluation/protocol.js';
import type { EvaluationServices } from './services.js';
import { WebBinary } from './web-contents.js';

/** The reason of each failure of the host's file read. */
const FAILURE_REASONS: Readonly<Record<FileReadFailureKind, string>> = {
  noRoots: REASON.dataSource,
  notAbsolute: REASON.expression,
  outsideRoots: REASON.dataSource,
  notFound: 'DataSource.NotFound',
  notAFile: REASON.dataSource,
  failed: REASON.dataSource,
};

/** The last segment of a path (either separator), for `Content.Name`. */
function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/**
 * `File.Contents(path, options)`: a binary read through the host when its bytes (or metadata) are
 * first needed. The host reads only under the engine's `fileRoots` folders (`file-contents-host.ts`).
 * Its metadata: `Content.Name` (the file name) and `Content.Uri` (the absolute path). `options` is
 * documented as "intended for internal use only": a record is accepted and ignored.
 */
export function fileContentsFunction(services: EvaluationServices): LibraryEntry {
  return defineFunction(
    'File.Contents',
    '(path as text, optional options as nullable record) as binary',
    (_ctx, [path]) => {
      const given = path as string;
      return new WebBinary(() => {
        const result = services.readFile({ path: given });
        if (!result.ok) {
          throw MError.of(
            FAILURE_REASONS[result.kind],
            result.message,
            RecordValue.of([
              ['DataSourceKind', 'File'],
              ['DataSourcePath', given],
            ]),
          );
        }
        return {
          bytes: result.bytes,
          meta: RecordValue.of([
            ['Content.Name', baseName(result.path)],
            ['Content.Uri', result.path],
          ]),
        };
      });
    },
  );
}
