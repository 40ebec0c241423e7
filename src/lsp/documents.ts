/**
 * Loading an editor buffer document by document: a keystroke changes one document of a file, so only that document
 * is parsed again. The text is cut before each line that starts a document (`---` at column 0), each piece is
 * loaded alone (loadSource) and kept while its text stays the same, and the pieces are put back together with their
 * offsets and lines moved to where they sit in the whole text. The result equals loadSource of the whole text;
 * where that cannot be told by the pieces alone (directives, `...` markers, a syntax finding, an unrendered
 * template), the whole text is loaded instead. test/lsp/documents.test.ts compares both on the corpus.
 */
import { NOT_AN_OBJECT } from '../load/not-objects.js';
import { fromData, loadSource, type LoadedSource, type LoadOptions } from '../load/source.js';
import type { Finding, Outline } from '../types.js';

/**
 * The pieces of a buffer loaded alone (positions relative to the piece's start), by text; a text repeated in the
 * buffer is told by its count (`text`, `text\u0000 2`...), so that no two documents share their objects.
 */
export type Pieces = Map<string, LoadedSource>;

/**
 * Texts not cut: with `%` directives or `...` document end markers (they apply across pieces), or with a lone
 * carriage return (a line break for the loader, not for the cutting).
 */
const UNSPLITTABLE = /^%|^\.\.\.(?:[ \t\r\n]|$)|\r(?!\n)/m;
/** The line break before a document start marker: `---` followed by a space, a tab or the line's end. */
const DOCUMENT_START = /\n---(?=[ \t\r\n]|$)/g;

/**
 * The LoadedSource of `text` (as loadSource(path, text, options) would give), parsing only the documents whose text
 * is not among `previous` (the pieces of the buffer's last load). Returns it with the pieces of this text.
 */
export function loadDocuments(path: string, text: string, options: LoadOptions, previous: Pieces): { loaded: LoadedSource; pieces: Pieces } {
  const pieces: Pieces = new Map();
  if (UNSPLITTABLE.test(text)) return { loaded: loadSource(path, text, options), pieces };
  const starts = [0, ...[...text.matchAll(DOCUMENT_START)].map((match) => match.index + 1)];
  const data: SourceData = { path, text, contextOnly: options.contextOnly ?? false, comments: [], findings: [], documentCount: 0, skipped: [], resources: [], namespace: options.namespace };
  let lines = 0;
  for (const [n, start] of starts.entries()) {
    const piece = text.slice(start, starts[n + 1] ?? text.length);
    let key = piece;
    for (let count = 2; pieces.has(key); count++) key = `${piece}\u0000 ${count}`;
    const loaded = previous.get(key) ?? loadSource(path, piece, options);
    // Findings of syntax can reach past a piece (an unclosed quote); a template makes the whole file skipped.
    if (loaded.findings.some((finding) => finding.fatal) || loaded.skipped.some(({ reason }) => reason === NOT_AN_OBJECT.template)) {
      return { loaded: loadSource(path, text, options), pieces: new Map() };
    }
    pieces.set(key, loaded);
    append(data, loaded, start, lines);
    lines += countNewlines(piece);
  }
  return { loaded: fromData(data), pieces };
}

type SourceData = Parameters<typeof fromData>[0];

/** Add a piece loaded alone, moved by `offset` characters and `lines` lines (it starts at a line's start). */
function append(data: SourceData, piece: LoadedSource, offset: number, lines: number): void {
  for (const comment of piece.source.comments) data.comments.push({ offset: comment.offset + offset, text: comment.text });
  for (const finding of piece.findings) data.findings.push(moveFinding(finding, lines));
  for (const skipped of piece.skipped) data.skipped.push({ reason: skipped.reason, line: skipped.line + lines });
  data.documentCount += piece.documentCount;
  for (const { object, basePath, outline } of piece.resources) {
    // An outline the fast loader left for later (lazy) keeps its piece's events, their offsets moved with the piece.
    const moved = outline.lazy ? { root: undefined, start: outline.start + offset, lazy: true, events: outline.events && { ...outline.events, shift: (outline.events.shift ?? 0) + offset } } : { root: outline.root && moveOutline(outline.root, offset), start: outline.start + offset };
    data.resources.push({ object, basePath, outline: moved });
  }
}

function moveFinding(finding: Finding, lines: number): Finding {
  return { ...finding, line: finding.line + lines, endLine: finding.endLine + lines };
}

function moveOutline(outline: Outline, offset: number): Outline {
  const moved: Outline = { start: outline.start + offset, spans: outline.spans.map((at) => (at < 0 ? at : at + offset)) };
  if (outline.end !== undefined) moved.end = outline.end + offset;
  if (outline.keys) moved.keys = outline.keys;
  if (outline.children) moved.children = outline.children.map((child) => child && moveOutline(child, offset));
  return moved;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
