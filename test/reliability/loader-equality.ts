import { expect } from 'vitest';
import { parseDirectives } from '../../src/linter/suppressions.js';
import { eventOutline } from '../../src/load/event-outline.js';
import { builtOutline } from '../../src/load/positions.js';
import { loadSource, type LoadedSource } from '../../src/load/source.js';

/**
 * How the outlines the fast path left for later were built in the comparisons so far: from js-yaml's events
 * (event-outline.ts) or, where that was not sure, with the yaml package. Tests check the events' share, so that the
 * comparisons are known to compare the event outlines.
 */
export const outlinesBuilt = { events: 0, reference: 0 };

/** What a loaded source is compared by: everything but the comments (see expectSameLoad). */
function comparable(loaded: LoadedSource) {
  const counted = new Set<unknown>();
  for (const { outline, source } of loaded.resources) {
    if (!outline.lazy || counted.has(outline)) continue;
    counted.add(outline);
    outlinesBuilt[eventOutline(source.text, outline.start, outline.end ?? source.text.length) ? 'events' : 'reference']++;
  }
  return {
    findings: loaded.findings,
    documentCount: loaded.documentCount,
    skipped: loaded.skipped,
    resources: loaded.resources.map((resource) => ({ ...resource, source: undefined, outline: builtOutline(resource) })),
  };
}

/**
 * Load a text on the default path and on the reference path and expect the same result, value by value: the
 * objects (merge keys, YAML 1.1 scalars, `-0`, NaN and own `__proto__` keys included), every finding with its
 * range, the skipped documents, the document count, and every outline (built now if the fast path left it for later).
 * The fast path collects no comments: it must have been taken only where the reference finds no suppression
 * directive in them. Returns which path the default took.
 */
export function expectSameLoad(path: string, text: string): LoadedSource['loader'] {
  const loaded = loadSource(path, text);
  const reference = loadSource(path, text, { loader: 'reference' });
  expect(reference.loader).toBe('reference');
  if (loaded.loader === 'reference') return 'reference';
  expect(parseDirectives(reference.source), path).toEqual([]);
  expect(comparable(loaded), `${path}: ${JSON.stringify(text).slice(0, 300)}`).toStrictEqual(comparable(reference));
  return loaded.loader;
}
