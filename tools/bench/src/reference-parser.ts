import * as PQP from '@microsoft/powerquery-parser';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What the reference parser said about a text. */
export interface ReferenceVerdict {
  readonly ok: boolean;
  /** The reference's error message when it rejected the text (first line only). */
  readonly message?: string;
}

/** The name and installed version of the reference parser, for reports. */
export function referenceName(): string {
  const require = createRequire(import.meta.url);
  const manifest: unknown = JSON.parse(
    readFileSync(require.resolve('@microsoft/powerquery-parser/package.json'), 'utf8'),
  );
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest
      ? String(manifest.version)
      : 'unknown version';
  return `@microsoft/powerquery-parser ${version}`;
}

/**
 * Removes a leading byte-order mark. The reference parser rejects one (our parser accepts it), so
 * every text is given to the reference through this.
 */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Lexes and parses `text` with the reference parser, with its default settings (either an
 * expression or a section document). `text` must already be free of a byte-order mark.
 */
export async function referenceAccepts(text: string): Promise<boolean> {
  const result = await PQP.TaskUtils.tryLexParse(PQP.DefaultSettings, text);
  return PQP.TaskUtils.isOk(result);
}

/**
 * Like {@link referenceAccepts}, and says why the text was rejected. A BOM is stripped first. An
 * exception thrown by the reference counts as a rejection.
 */
export async function referenceVerdict(text: string): Promise<ReferenceVerdict> {
  try {
    const result = await PQP.TaskUtils.tryLexParse(PQP.DefaultSettings, stripByteOrderMark(text));
    if (PQP.TaskUtils.isOk(result)) return { ok: true };
    return { ok: false, message: firstLine(describeError(result.error)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the reference parser threw: ${firstLine(detail)}` };
  }
}

/**
 * The reference's message, and for lexer errors (whose message only lists line numbers) the
 * message of the first line's error too.
 */
function describeError(error: Error): string {
  // The reference's LexError does not pass `instanceof`, so look at its inner error directly.
  const inner: unknown = 'innerError' in error ? error.innerError : undefined;
  if (inner instanceof PQP.Lexer.LexError.ErrorLineMapError) {
    for (const line of inner.errorLineMap.values()) {
      return `${error.message}: ${line.error.message}`;
    }
  }
  return error.message;
}

function firstLine(message: string): string {
  const line = message.split(/\r\n?|\n/, 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
