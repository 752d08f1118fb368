import { parse, type Diagnostic } from '@pqsdk/m-parser';

/** What our parser said about a text. */
export interface OurVerdict {
  readonly ok: boolean;
  /** The first diagnostic, as `line:column CODE message`, when the text was rejected. */
  readonly firstDiagnostic?: string;
  /** How many diagnostics there were. */
  readonly diagnosticCount: number;
}

/** Parses `text` with our parser (BOM and all, as a user would give it) and says whether it is valid. */
export function ourVerdict(text: string): OurVerdict {
  const result = parse(text);
  const first = result.diagnostics[0];
  if (result.ok || first === undefined) return { ok: true, diagnosticCount: 0 };
  return {
    ok: false,
    firstDiagnostic: formatDiagnostic(first),
    diagnosticCount: result.diagnostics.length,
  };
}

/** `line:column CODE message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { line, column } = diagnostic.span;
  return `${line}:${column} ${diagnostic.code} ${diagnostic.message}`;
}
