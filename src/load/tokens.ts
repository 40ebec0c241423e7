import type { CST } from 'yaml';

/** Aliases a document may expand before it is refused (defends against "billion laughs"). */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Collections nested deeper than this are refused before they are composed (no stack overflow in the
 * parser, in the rules or in the position walk). The deepest real manifest in the corpus, a CRD schema, nests 38.
 */
export const MAX_DEPTH = 128;

/** A YAML comment: where its `#` is in the source (a character offset) and its text from the `#` on. */
export interface Comment {
  offset: number;
  text: string;
}

/** What the loader learns from a document's syntax tokens before composing it. */
export interface TokenFacts {
  /** Offset of the first collection nested deeper than MAX_DEPTH. */
  tooDeepAt?: number;
  hasAlias: boolean;
  /** The document's comments, in source order: only real comments, never a `#` inside a scalar. */
  comments: Comment[];
}

type Item = { start?: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };

/** Walk a document's tokens without recursion: how deep its collections nest, whether it has aliases, its comments. */
export function inspectTokens(document: CST.Document): TokenFacts {
  const facts: TokenFacts = { hasAlias: false, comments: [] };
  collectComments(document.start, facts.comments);
  const stack: [token: CST.Token | null | undefined, parentLevel: number][] = [[document.value, 0]];
  while (stack.length > 0) {
    const [token, parentLevel] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'alias') facts.hasAlias = true;
    if ('props' in token) collectComments(token.props, facts.comments);
    if ('end' in token && Array.isArray(token.end)) collectComments(token.end, facts.comments);
    if (!('items' in token)) continue;
    const level = parentLevel + 1;
    if (level > MAX_DEPTH) return { ...facts, tooDeepAt: token.offset };
    // Pushed in reverse so that the walk goes in document order and finds the first offender.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i] as Item;
      collectComments(item.start, facts.comments);
      collectComments(item.sep, facts.comments);
      stack.push([item.value, level], [item.key, level]);
    }
  }
  collectComments(document.end, facts.comments);
  facts.comments.sort((a, b) => a.offset - b.offset);
  return facts;
}

/** The comments among tokens outside any document (before the first, after a `...`). */
export function commentsOutsideDocuments(token: CST.Token): Comment[] {
  const comments: Comment[] = [];
  if (token.type === 'comment') comments.push({ offset: token.offset, text: token.source });
  if (token.type === 'doc-end') collectComments(token.end, comments);
  return comments;
}

function collectComments(tokens: readonly CST.Token[] | undefined, into: Comment[]): void {
  for (const token of tokens ?? []) {
    if (token.type === 'comment') into.push({ offset: token.offset, text: token.source });
  }
}
