/**
 * The fast path of the loader: values read with js-yaml (2 to 4 times faster than the yaml package), positions left
 * for later. Each document's outline is built by positions.ts from the document's own text, with the yaml package,
 * the first time a position in it is asked for (a finding, a plan, the language server); most documents never are.
 *
 * The fast path answers only when its result is provably the reference path's (source.ts, the yaml package); for
 * anything else `loadFast` returns undefined and the caller loads the whole file the reference way. It gives up on:
 * - a text js-yaml refuses: a syntax error; a duplicate key (js-yaml refuses them; the reference reports them as
 *   duplicate-key findings; keys are compared as the object's property names, so `1` and `"1"` count as the same);
 *   nesting deeper than FAST_MAX_DEPTH (half the reference's MAX_DEPTH: its tooDeep finding is never missed);
 * - what this path does not rebuild as the reference does: an alias, an anchor, a tag, a merge key `<<`, a key that
 *   is a collection or empty or null, a directive (`%` at the start of a line);
 * - a suppression directive: `stslint-` anywhere in the text (directives are read from comments, which this path
 *   does not collect);
 * - a character YAML does not allow (the reference reports it; checked by the caller);
 * - where it could not tell a document's start as the yaml package does (`outline.start`): a `---` followed on its
 *   line or below by more than blanks and comments before the top-level collection, an implicit document whose
 *   top-level value is a scalar;
 * - texts where js-yaml accepts what the yaml package refuses, found by comparing both on the YAML test suite and
 *   the fuzz inputs (test/reliability/): a key spanning lines (`a\nb: c`); a tab in a line's indentation; a
 *   byte-order mark (the yaml package refuses `\uFEFF- a`); a line that is `---` or `...` after indentation
 *   before the first document or right after a marker line (js-yaml takes it for a marker). These are SCREENED.
 * Without collection keys no flow mapping opens with `{{`, and without syntax errors none is on a line holding `{{`:
 * templateFinder (not-objects.ts) would find no template, so a file with `{{` inside strings stays on this path.
 */
import { constructFromEvents, defineMappingTag, defineScalarTag, EVENT_ID, NOT_RESOLVED, parseEvents, Schema, seqTag, strTag, type Event } from 'js-yaml';
import type { DocumentOutline, SourceFile } from '../types.js';
import { addDocument, type LoadedSource, type LoadOptions } from './resource.js';
import { MAX_DEPTH } from './tokens.js';
import { resolvePlain } from './plain-scalars.js';

/** js-yaml's nesting limit on this path (it counts every node, scalars too): deeper documents go to the reference. */
const FAST_MAX_DEPTH = MAX_DEPTH / 2;

/** A `---` or `...` line after indentation, before the first document or right after a marker line. */
const INDENTED_MARKER =
  /(?:^|\n(?:---|\.\.\.)(?=[ \t\r\n]|$)[^\n]*\n|^(?:---|\.\.\.)(?=[ \t\r\n]|$)[^\n]*\n)(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t]+(?:---|\.\.\.)(?=[ \t\r\n]|$)/;

/**
 * Screened before parsing (see above): a byte-order mark, a directive, a tab in indentation, an indented marker line.
 * Each pattern is tested only when the text holds a character it needs (found much faster than a pattern is tested).
 */
const SCREENED: ((text: string) => boolean)[] = [
  (text) => text.includes('\uFEFF'),
  (text) => text.includes('%') && /^%/m.test(text),
  (text) => text.includes('\t') && /(?:^|\n) *\t/.test(text),
  (text) => (text.includes('---') || text.includes('...')) && INDENTED_MARKER.test(text),
];

const PLAIN = defineScalarTag('tag:stslint,fast:plain', {
  implicit: true,
  resolve: (source, isExplicit) => (isExplicit ? NOT_RESOLVED : resolvePlain(source)),
  identify: () => false,
});

/** A scalar key as the yaml package writes it into an object (addPairToJSMap): String(key) (null keys are refused). */
function keyText(key: unknown): string {
  return String(key);
}

/**
 * Mappings built as the yaml package's toJS builds them (`__proto__` and other inherited names become own keys),
 * refusing what the fast path cannot prove equal: a key that is a collection (the yaml package prints it as YAML
 * text) and the merge key `<<` (merged as go-yaml does, by the reference).
 */
const MAP = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (key === null) return 'an empty or null key';
    if (typeof key === 'object') return 'a key that is a collection';
    const text = keyText(key);
    if (text === '<<') return 'a merge key';
    // Assigning `__proto__` would set the prototype; every other inherited name becomes an own key when assigned.
    if (text === '__proto__') Object.defineProperty(map, text, { value, writable: true, enumerable: true, configurable: true });
    else map[text] = value;
    return '';
  },
  has: (map, key) => Object.hasOwn(map, typeof key === 'string' ? key : keyText(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[keyText(key)],
  identify: () => false,
});

const SCHEMA = new Schema([strTag, seqTag, MAP, PLAIN]);

/** Where a document starts and how its top-level node opens, from js-yaml's events. */
interface DocumentStart {
  explicit: boolean;
  /** Offset of the top-level node; -1 for an empty document. */
  root: number;
  rootIsCollection: boolean;
}

/**
 * The documents' starts, or undefined when an event shows something this path leaves to the reference: a tag, an
 * anchor, an alias, a directive, a key that is a collection or spans lines (js-yaml reads `a\nb: c` as one key).
 */
function documentStarts(text: string, events: readonly Event[]): DocumentStart[] | undefined {
  const starts: DocumentStart[] = [];
  // Per open collection or document: whether it is a mapping, and how many nodes it holds so far (keys are even).
  const open: { mapping: boolean; nodes: number }[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) {
      if (event.directives.length > 0) return undefined;
      starts.push({ explicit: event.explicitStart, root: -1, rootIsCollection: false });
      open.push({ mapping: false, nodes: 0 });
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.tagStart !== -1 || event.anchorStart !== -1) return undefined;
    const parent = open[open.length - 1];
    const isKey = parent.mapping && parent.nodes % 2 === 0;
    const at = event.type === EVENT_ID.SCALAR ? event.valueStart : event.start;
    if (open.length === 1) {
      const current = starts[starts.length - 1];
      current.root = at;
      current.rootIsCollection = event.type !== EVENT_ID.SCALAR;
    }
    parent.nodes++;
    if (event.type === EVENT_ID.SCALAR) {
      if (isKey && text.slice(event.valueStart, event.valueEnd).includes('\n')) return undefined;
    } else {
      if (isKey) return undefined;
      open.push({ mapping: event.type === EVENT_ID.MAPPING, nodes: 0 });
    }
  }
  return starts;
}

/**
 * Where the yaml package says a document starts (Document.range[0], the resources' `outline.start`): at its `---`
 * marker, else at the start of the line its top-level collection opens on. Undefined when
 * that cannot be told for sure from the text: a `---` that is not at the start of a line or is followed by more
 * than blanks and comments (js-yaml takes an indented `---` before the first document for a marker, YAML does
 * not), an implicit document whose top-level value is a scalar. Those are left to the reference.
 */
function documentOffset(text: string, start: DocumentStart): number | undefined {
  if (start.explicit) {
    const marker = text.lastIndexOf('\n---', start.root) + 1 || (text.startsWith('---') ? 0 : -1);
    return marker >= 0 && ONLY_BLANKS_AND_COMMENTS.test(text.slice(marker + 3, start.root)) ? marker : undefined;
  }
  if (!start.rootIsCollection) return undefined;
  const lineStart = text.lastIndexOf('\n', start.root - 1) + 1;
  return /^ *$/.test(text.slice(lineStart, start.root)) ? lineStart : undefined;
}

const ONLY_BLANKS_AND_COMMENTS = /^(?:[ \t\r\n]|#[^\n]*)*$/;

/** Whether the text holds anything the fast path leaves to the reference before it is even parsed. */
function screenedOut(text: string): boolean {
  return text.includes('stslint-') || SCREENED.some((screened) => screened(text));
}

/**
 * Load a source (line breaks already normalized, no unprintable character) on the fast path: the same objects,
 * findings, skipped documents and document count as the reference path, outlines built on first use. Undefined when
 * the result cannot be proven equal (see the list above): the caller then loads the file the reference way.
 */
export function loadFast(source: SourceFile, options: LoadOptions): LoadedSource | undefined {
  const { text } = source;
  if (screenedOut(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth: FAST_MAX_DEPTH });
    const starts = documentStarts(text, events);
    if (!starts) return undefined;
    const values = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
    return buildLoaded(source, starts, values, options);
  } catch {
    return undefined;
  }
}

function buildLoaded(source: SourceFile, starts: readonly DocumentStart[], values: readonly unknown[], options: LoadOptions): LoadedSource | undefined {
  const loaded: LoadedSource = { source, resources: [], findings: [], documentCount: 0, skipped: [], loader: 'fast' };
  const documents: { value: unknown; outline: DocumentOutline; contentStart: number }[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || value === undefined) continue;
    const start = documentOffset(source.text, starts[index]);
    if (start === undefined) return undefined;
    // Outlines left for later are built from their document's text: up to the next document's start (positions.ts).
    if (documents.length > 0) documents[documents.length - 1].outline.end = start;
    documents.push({ value, outline: { root: undefined, start, lazy: true }, contentStart: starts[index].root });
  }
  for (const { value, outline, contentStart } of documents) {
    loaded.documentCount++;
    addDocument(loaded, value, outline, contentStart, options);
  }
  return loaded;
}
