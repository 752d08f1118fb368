import type { Document, SectionDocument } from '@pqsdk/m-ast';
import { parse } from '@pqsdk/m-parser';
import { countLines, utf8Bytes, type MFile } from './m-files.js';
import { formatDiagnostic } from './ours.js';
import { referenceVerdict, stripByteOrderMark } from './reference-parser.js';
import { varyDocument } from './variation.js';

/** A document of the benchmark corpus. */
export interface CorpusDocument {
  /** The source file it was made from. */
  readonly source: string;
  /** 0 for the file as written, n for the n-th varied copy. */
  readonly copy: number;
  /** The text given to our parser. */
  readonly text: string;
  /** The same text without a byte-order mark, given to the reference parser. */
  readonly referenceText: string;
  /** UTF-8 size of `text`. */
  readonly bytes: number;
}

/** A document left out of the corpus because a parser rejected it. */
export interface Rejection {
  readonly source: string;
  readonly copy: number;
  readonly rejectedBy: 'reference' | 'ours' | 'both';
  /** Our first diagnostic and/or the reference's message. */
  readonly reason: string;
}

/** A source file that both parsers accept, with our tree of it. */
export interface SourceDocument {
  readonly name: string;
  readonly text: string;
  readonly document: Document;
}

/** The benchmark corpus: documents that both parsers accept, parsed one at a time. */
export interface Corpus {
  readonly documents: readonly CorpusDocument[];
  readonly bytes: number;
  /** The source files that both parsers accept. */
  readonly sources: readonly SourceDocument[];
  /** How many source files were read. */
  readonly sourceFiles: number;
  /** The highest copy number. */
  readonly copies: number;
  readonly rejections: readonly Rejection[];
}

/**
 * Builds a corpus of at least `targetBytes` from `files`: each file as written, then varied copies
 * (see {@link varyDocument}) of every file, round by round, until the target is reached. Every
 * document is checked with both parsers; a document that either rejects is left out and recorded.
 */
export async function buildCorpus(
  files: readonly MFile[],
  targetBytes: number,
  progress: (message: string) => void = () => undefined,
): Promise<Corpus> {
  const documents: CorpusDocument[] = [];
  const rejections: Rejection[] = [];
  const sources: SourceDocument[] = [];
  let bytes = 0;

  const admit = async (
    source: string,
    copy: number,
    text: string,
  ): Promise<Document | undefined> => {
    const ours = parse(text);
    const referenceText = stripByteOrderMark(text);
    const reference = await referenceVerdict(referenceText);
    if (ours.ok && ours.ast !== undefined && reference.ok) {
      const size = utf8Bytes(text);
      documents.push({ source, copy, text, referenceText, bytes: size });
      bytes += size;
      return ours.ast;
    }
    const reasons: string[] = [];
    const first = ours.diagnostics[0];
    if (!ours.ok && first !== undefined) reasons.push(`ours: ${formatDiagnostic(first)}`);
    if (!reference.ok) reasons.push(`reference: ${reference.message ?? 'rejected'}`);
    const rejectedBy = !reference.ok && !ours.ok ? 'both' : reference.ok ? 'ours' : 'reference';
    rejections.push({ source, copy, rejectedBy, reason: reasons.join('; ') });
    return undefined;
  };

  for (const file of files) {
    const document = await admit(file.name, 0, file.text);
    if (document !== undefined) sources.push({ name: file.name, text: file.text, document });
  }
  if (sources.length === 0) {
    throw new Error(
      `none of the ${String(files.length)} M files is accepted by both parsers, so there is no corpus to time`,
    );
  }

  let copies = 0;
  while (bytes < targetBytes) {
    copies++;
    const before = bytes;
    for (const source of sources) {
      await admit(source.name, copies, varyDocument(source.text, source.document, copies));
    }
    if (bytes === before) {
      throw new Error(
        `copy ${String(copies)} of every source document was rejected; see the rejections`,
      );
    }
    if (Math.floor(bytes / MIB) > Math.floor(before / MIB)) {
      progress(`corpus: ${(bytes / MIB).toFixed(1)} MiB after copy ${String(copies)}`);
    }
  }
  return { documents, bytes, sources, sourceFiles: files.length, copies, rejections };
}

/** A single large section document. */
export interface LargeSection {
  readonly text: string;
  readonly bytes: number;
  readonly lines: number;
  readonly members: number;
  /** How many section documents its members were taken from. */
  readonly sourceDocuments: number;
}

/**
 * Builds one section document of at least `targetBytes` (UTF-8) and at least `targetLines` lines from
 * the members of the section documents among `sources`. The members are copied round by round; each
 * copy of a source gets its own suffix (see {@link varyDocument}), so no two members share a name.
 */
export function buildLargeSection(
  sources: readonly SourceDocument[],
  targetBytes: number,
  targetLines = 0,
): LargeSection {
  const sections = sources.filter(
    (source): source is SourceDocument & { document: SectionDocument } =>
      source.document.kind === 'SectionDocument' && source.document.members.length > 0,
  );
  if (sections.length === 0) {
    throw new Error('no section document with members among the corpus sources');
  }

  const header = 'section Bench;\n\n';
  const parts: string[] = [header];
  let bytes = utf8Bytes(header);
  let newlines = 2;
  let members = 0;
  let unreadable = 0;
  for (let tag = 1; bytes < targetBytes || newlines < targetLines; tag++) {
    const source = sections[(tag - 1) % sections.length] as (typeof sections)[number];
    const varied = varyDocument(source.text, source.document, tag);
    // The copy is parsed again to find where its members start and end.
    const reparsed = parse(varied);
    const copy = reparsed.ok && reparsed.ast?.kind === 'SectionDocument' ? reparsed.ast : undefined;
    const first = copy?.members[0];
    const last = copy?.members.at(-1);
    if (copy === undefined || first === undefined || last === undefined) {
      if (++unreadable >= sections.length && members === 0) {
        throw new Error('no varied copy of a section document could be read back');
      }
      continue;
    }
    const region = `${varied.slice(first.span.offset, last.span.end)}\n\n`;
    parts.push(region);
    bytes += utf8Bytes(region);
    for (let index = region.indexOf('\n'); index !== -1; index = region.indexOf('\n', index + 1)) {
      newlines++;
    }
    members += copy.members.length;
  }
  const text = parts.join('');
  return { text, bytes, lines: countLines(text), members, sourceDocuments: sections.length };
}

/** Bytes in a mebibyte. */
export const MIB = 1024 * 1024;
