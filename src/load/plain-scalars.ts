/**
 * Plain scalars as the reference loader (yaml.ts, the yaml package with go-yaml v2's YAML 1.1 schema) resolves them,
 * for the paths that read values or keys without the yaml package's composer (fast.ts, event-outline.ts).
 */
import { isScalar, Schema, type ScalarTag } from 'yaml';
import { PARSE_OPTIONS } from './yaml.js';

/** The plain-scalar tags of the reference schema (yaml.ts), in the order the yaml package tries them. */
const REFERENCE_TAGS = new Schema(PARSE_OPTIONS).tags.filter((tag): tag is ScalarTag => !tag.collection && tag.default === true && tag.test !== undefined);

/**
 * The first characters of the plain scalars that some tag above resolves, by its test: `~`, n, N (null); t, T, f, F
 * (true, false); y, Y, n, N, o, O (go-yaml's yes, no, on, off); a sign, a dot or a digit (numbers, `.inf`, `.nan`).
 * A plain scalar that starts with any other character is a string (most keys and values of a manifest are), with
 * no test run. test/plain-scalars.test.ts checks every tag against every first character.
 */
export const RESOLVED_FIRST = '~nNtTfFyYoO+-.0123456789';
const MAY_RESOLVE = new Uint8Array(128);
for (const character of RESOLVED_FIRST) MAY_RESOLVE[character.charCodeAt(0)] = 1;

/**
 * A plain scalar's value as the yaml package resolves it with the reference schema: the first tag whose test
 * matches resolves it (go-yaml v2's booleans, integers and floats, null, `.inf`, `.nan`); else a string.
 */
export function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first >= 128 || MAY_RESOLVE[first] === 0) return text;
  for (const tag of REFERENCE_TAGS) {
    if (!tag.test!.test(text)) continue;
    const value = tag.resolve(text, () => {}, {});
    return isScalar(value) ? value.value : value;
  }
  return text;
}

