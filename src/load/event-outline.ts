/**
 * Outlines from js-yaml's event stream: what positions.ts builds from the yaml package's nodes (the reference), read
 * off the offsets js-yaml's parser gave each event when the fast loader (fast.ts) parsed the file, kept packed in an
 * Int32Array (`packEvents`, 12 bytes an event): no second parse. The fast loader leaves outlines for later;
 * positions.ts builds one with `eventOutline` the first time a position in the document is asked for, and with the
 * yaml package when this returns undefined.
 *
 * Each node's range is translated to the yaml package's (compose/*.js of yaml 2): a plain scalar's is the event's; a
 * quoted one's includes its quotes; a block scalar's starts at its `|` or `>` indicator and ends where the yaml
 * lexer ends it (lexer.js parseBlockScalar: trailing lines holding at most the first line's indentation in spaces
 * are left out unless the header says `+`, but never the first line); an empty value of a block mapping sits after
 * its `:` and the spaces that follow (util-empty-scalar-position.js). Where the translation is not sure, this gives
 * up: an empty scalar in a list or a flow collection, a block scalar whose content is blank or whose header is not
 * found on the line before its content, an empty flow collection whose closing bracket is not next. Equality with
 * the reference on every document is what the loader equality tests check (test/reliability/).
 */
import { EVENT_ID, getScalarValue, type Event } from 'js-yaml';
import type { Outline, PackedEvents } from '../types.js';
import { resolvePlain } from './plain-scalars.js';

type Span = [start: number, end: number];

/** js-yaml's scalar styles and collection style (SCALAR_STYLE, COLLECTION_STYLE). */
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;
const LITERAL_BLOCK = 4;
const FOLDED_BLOCK = 5;
const FLOW = 2;
/** js-yaml's CHOMPING_MODE.KEEP (`+` in a block scalar's header). */
const KEEP = 3;

type ScalarEvent = Extract<Event, { type: typeof EVENT_ID.SCALAR }>;

/** Not sure of a range: the caller builds the outline with the yaml package instead. */
class Unsure extends Error {}

/** Ints per packed event: [type | style << 4 | chomping << 8, start, end] (see packEvents). */
const STRIDE = 3;

/**
 * js-yaml's events of a source, packed: per event its type, style and chomping, then its start and end offsets
 * (a scalar's valueStart and valueEnd, -1 when empty; a collection's start). Aliases are not packed: the fast
 * loader refuses texts that have them. Offsets are the source's.
 */
export function packEvents(events: readonly Event[]): Int32Array {
  const tape = new Int32Array(events.length * STRIDE);
  for (let i = 0, at = 0; i < events.length; i++, at += STRIDE) {
    const event = events[i];
    switch (event.type) {
      case EVENT_ID.SCALAR:
        tape[at] = event.type | (event.style << 4) | (event.chomping << 8);
        tape[at + 1] = event.valueStart;
        tape[at + 2] = event.valueEnd;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        tape[at] = event.type | (event.style << 4);
        tape[at + 1] = event.start;
        break;
      default:
        tape[at] = event.type;
    }
  }
  return tape;
}

/**
 * The outline of the document whose top-level node is the packed event at index `at` of `tape`, its offsets those of
 * `text` (the tape's offsets plus `shift`: the language server moves documents loaded alone into their buffer);
 * undefined when its top-level value is not a collection or a range cannot be told for sure as the yaml package
 * tells it.
 */
export function eventOutline(text: string, { tape, at, shift = 0 }: PackedEvents): Outline | undefined {
  const reader = new Reader(text, tape, shift);
  reader.at = at;
  try {
    const root = reader.next();
    return root.type === EVENT_ID.MAPPING || root.type === EVENT_ID.SEQUENCE ? reader.collection(root) : undefined;
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

/** One packed event read back, its offsets moved by the reader's shift. */
interface Unpacked {
  type: number;
  style: number;
  chomping: number;
  start: number;
  end: number;
}

/** Walks the packed events of one document, building outlines. */
class Reader {
  at = 0;

  constructor(
    private readonly text: string,
    private readonly tape: Int32Array,
    private readonly shift: number,
  ) {}

  /** The next event (an empty scalar keeps start -1). */
  next(): Unpacked {
    const { tape, at } = this;
    if (at * STRIDE >= tape.length) throw new Unsure();
    this.at++;
    const head = tape[at * STRIDE];
    const start = tape[at * STRIDE + 1];
    return { type: head & 15, style: (head >> 4) & 15, chomping: head >> 8, start: start < 0 ? start : start + this.shift, end: tape[at * STRIDE + 2] + (start < 0 ? 0 : this.shift) };
  }

  /** The outline of the collection opened by `event` (its events up to its POP are consumed). */
  collection(event: Unpacked): Outline {
    const mapping = event.type === EVENT_ID.MAPPING;
    const flow = event.style === FLOW;
    const keys: (string | undefined)[] = [];
    const spans: number[] = [];
    const children: (Outline | undefined)[] = [];
    let hasChild = false;
    for (let next = this.next(); next.type !== EVENT_ID.POP; next = this.next()) {
      let span: Span;
      let child: Outline | undefined;
      if (mapping) {
        if (next.type !== EVENT_ID.SCALAR) throw new Unsure();
        const key = this.scalarRange(next, undefined, flow);
        keys.push(this.keyText(next));
        const value = this.next();
        if (value.type === EVENT_ID.SCALAR) span = [key[0], this.scalarRange(value, key[1], flow)[1]];
        else {
          span = key;
          child = this.node(value);
        }
      } else if (next.type === EVENT_ID.SCALAR) span = this.scalarRange(next, undefined, true);
      else {
        child = this.node(next);
        span = this.itemSpan(child);
      }
      spans.push(span[0], span[1]);
      children.push(child);
      hasChild ||= child !== undefined;
    }
    const outline: Outline = { start: event.start, spans };
    if (spans.length === 0) outline.end = this.emptyFlowEnd(event);
    if (mapping) outline.keys = keys;
    if (hasChild) outline.children = children;
    return outline;
  }

  private node(event: Unpacked): Outline {
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) throw new Unsure();
    return this.collection(event);
  }

  /** A list item's span when it is a collection: its first entry's (recursively for a list), else its own range. */
  private itemSpan(child: Outline): Span {
    if (child.spans.length === 0) return [child.start, child.end!];
    return [child.spans[0], child.spans[1]];
  }

  /**
   * A scalar's range as the yaml package gives it. `keyEnd` is where the key ends when the scalar is the value of a
   * mapping entry; an empty scalar anywhere but as such a value in a block mapping is left to the reference.
   */
  private scalarRange(event: Unpacked, keyEnd: number | undefined, flow: boolean): Span {
    const { start, end } = event;
    if (start < 0) {
      if (keyEnd === undefined || flow) throw new Unsure();
      const at = this.afterValueIndicator(keyEnd);
      return [at, at];
    }
    switch (event.style) {
      case SINGLE_QUOTED:
      case DOUBLE_QUOTED:
        return [start - 1, end + 1];
      case LITERAL_BLOCK:
      case FOLDED_BLOCK:
        return [this.blockHeader(start, keyEnd), this.blockEnd(start, end, event.chomping === KEEP)];
      default:
        return [start, end];
    }
  }

  /** The offset after a key's `:` (blanks before it skipped) and the blanks after it. */
  private afterValueIndicator(keyEnd: number): number {
    const at = skipBlanks(this.text, keyEnd);
    if (this.text[at] !== ':') throw new Unsure();
    return skipBlanks(this.text, at + 1);
  }

  /**
   * Where a block scalar's header (`|` or `>`) is: on the line before its content, after the key if the key is on
   * that line, the first `|` or `>` that the rest of the line reads as a header.
   */
  private blockHeader(contentStart: number, keyEnd: number | undefined): number {
    const { text } = this;
    if (text[contentStart - 1] !== '\n') throw new Unsure();
    const lineStart = text.lastIndexOf('\n', contentStart - 2) + 1;
    const from = keyEnd !== undefined && keyEnd > lineStart ? keyEnd : lineStart;
    const line = text.slice(from, contentStart - 1);
    const at = line.search(/[|>]/);
    if (at < 0 || !BLOCK_HEADER.test(line.slice(at))) throw new Unsure();
    return from + at;
  }

  /**
   * Where the yaml lexer ends a block scalar whose content js-yaml read from `start` to `end`: without `+` in the
   * header, trailing lines of at most as many spaces as the first non-blank line's indentation are left out, the
   * first line never.
   */
  private blockEnd(start: number, end: number, keep: boolean): number {
    const { text } = this;
    const firstNonBlank = /[^ \n]/.exec(text.slice(start, end));
    if (!firstNonBlank) throw new Unsure();
    if (keep) return end;
    const lineOfFirst = text.lastIndexOf('\n', start + firstNonBlank.index) + 1;
    const indent = start + firstNonBlank.index - Math.max(lineOfFirst, start);
    let last = end;
    for (;;) {
      const lineEnd = text[last - 1] === '\n' ? last - 1 : last;
      const newlineBefore = text.lastIndexOf('\n', lineEnd - 1);
      if (newlineBefore < start) return last;
      const line = text.slice(newlineBefore + 1, lineEnd);
      if (line.length > indent || !/^ *$/.test(line)) return last;
      last = newlineBefore + 1;
    }
  }

  /** Where an empty flow collection ends: after its closing bracket, with only blanks and comments before it. */
  private emptyFlowEnd(event: Unpacked): number {
    const { text } = this;
    if (event.style !== FLOW) throw new Unsure();
    const close = event.type === EVENT_ID.MAPPING ? '}' : ']';
    let at = event.start + 1;
    for (;;) {
      at = skipBlanks(text, at);
      if (text[at] === '\n') at++;
      else if (text[at] === '#' && /[ \t\n]/.test(text[at - 1])) {
        const lineEnd = text.indexOf('\n', at);
        at = lineEnd < 0 ? text.length : lineEnd;
      } else break;
    }
    if (text[at] !== close) throw new Unsure();
    return at + 1;
  }

  /** A key as the yaml package writes it into a map's keys: String of its resolved value. */
  private keyText(event: Unpacked): string {
    if (event.style === SINGLE_QUOTED || event.style === DOUBLE_QUOTED) return quotedKey(this.text, event);
    if (event.style !== PLAIN) throw new Unsure();
    return plainKey(this.text.slice(event.start, event.end));
  }
}

/** A block scalar's header from its indicator to the line's end: indicator, indentation and chomping, comment. */
const BLOCK_HEADER = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+(?:#.*)?)?$/;

function skipBlanks(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** A quoted key's text, decoded by js-yaml as when it read the value (its flow scalars need no indentation). */
function quotedKey(text: string, { style, start, end }: Unpacked): string {
  const event: ScalarEvent = { type: EVENT_ID.SCALAR, valueStart: start, valueEnd: end, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style: style as ScalarEvent['style'], chomping: 1, indent: 0, fast: false };
  return getScalarValue(text, event);
}

/** Plain keys as text, remembered: the same few dozen keys make up most of Kubernetes objects. */
const PLAIN_KEYS = new Map<string, string>();

function plainKey(source: string): string {
  let key = PLAIN_KEYS.get(source);
  if (key === undefined) {
    key = String(resolvePlain(source));
    if (PLAIN_KEYS.size < 10_000) PLAIN_KEYS.set(source, key);
  }
  return key;
}
