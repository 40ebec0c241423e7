/**
 * Plain scalars as the reference loader (yaml.ts, the yaml package with go-yaml v2's YAML 1.1 schema) resolves them,
 * for the paths that read values or keys without the yaml package's composer (fast.ts, event-outline.ts).
 */
import { isScalar, Schema, type ScalarTag } from 'yaml';
import { PARSE_OPTIONS } from './yaml.js';

/** The plain-scalar tags of the reference schema (yaml.ts), in the order the yaml package tries them. */
const REFERENCE_TAGS = new Schema(PARSE_OPTIONS).tags.filter((tag): tag is ScalarTag => !tag.collection && tag.default === true && tag.test !== undefined);

/**
 * A plain scalar's value as the yaml package resolves it with the reference schema: the first tag whose test
 * matches resolves it (go-yaml v2's booleans, integers and floats, null, `.inf`, `.nan`); else a string.
 */
export function resolvePlain(text: string): unknown {
  for (const tag of REFERENCE_TAGS) {
    if (!tag.test!.test(text)) continue;
    const value = tag.resolve(text, () => {}, {});
    return isScalar(value) ? value.value : value;
  }
  return text;
}

