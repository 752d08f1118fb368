import type { Span } from '@pqsdk/m-ast';

/**
 * Stable codes of the parser's diagnostics. Tools may match on them; the messages may improve over
 * time.
 */
export type DiagnosticCode =
  | 'PQSDK_LEX_UNEXPECTED_CHARACTER'
  | 'PQSDK_LEX_UNTERMINATED_TEXT'
  | 'PQSDK_LEX_UNTERMINATED_COMMENT'
  | 'PQSDK_LEX_INVALID_ESCAPE'
  | 'PQSDK_LEX_UNKNOWN_KEYWORD'
  | 'PQSDK_PARSE_UNEXPECTED_TOKEN'
  | 'PQSDK_PARSE_EXTRA_INPUT'
  | 'PQSDK_PARSE_INVALID_FIELD_NAME'
  | 'PQSDK_PARSE_INVALID_TYPE'
  | 'PQSDK_PARSE_DUPLICATE_NAME'
  | 'PQSDK_PARSE_PARAMETER_ORDER'
  | 'PQSDK_PARSE_OPERATOR_AFTER_TYPE'
  | 'PQSDK_PARSE_INVALID_ATTRIBUTE'
  | 'PQSDK_PARSE_TOO_DEEP'
  | 'PQSDK_PARSE_INTERNAL';

/** A problem found in the source text. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  /** One sentence that says what is wrong and, where it can, what to write instead. */
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly span: Span;
}
