import { describe, expect, it } from 'vitest';
import { isScalar, Schema, type ScalarTag } from 'yaml';
import { RESOLVED_FIRST, resolvePlain } from '../src/load/plain-scalars.js';
import { PARSE_OPTIONS } from '../src/load/yaml.js';

/** The reference schema's plain-scalar tags, as the loader's reference path tries them (src/load/yaml.ts). */
const TAGS = new Schema(PARSE_OPTIONS).tags.filter((tag): tag is ScalarTag => !tag.collection && tag.default === true && tag.test !== undefined);

/** Every tag tried, with no screen on the first character. */
function resolvedByTags(text: string): unknown {
  const tag = TAGS.find((each) => each.test!.test(text));
  if (!tag) return text;
  const value = tag.resolve(text, () => {}, {});
  return isScalar(value) ? value.value : value;
}

/** Rests of plain scalars that some tag reads after their first character, and a few that none does. */
const RESTS = ['', 'ull', 'ULL', 'rue', 'RUE', 'alse', 'ALSE', 'es', 'ES', 'o', 'O', 'n', 'N', 'ff', 'FF', 'inf', 'Inf', 'nan', 'NaN', '.inf', '.5', '5', '0', '1_000', 'x1F', 'b101', 'o17', 'e3', '.5e-3', '_1', 'abc', ' x'];

describe('plain scalars (src/load/plain-scalars.ts)', () => {
  it('resolves as the tags do, for every first character and the rests tags read', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const first = String.fromCharCode(code);
      for (const rest of RESTS) {
        const text = first + rest;
        if (!Object.is(resolvePlain(text), resolvedByTags(text))) differing.push(JSON.stringify(text));
      }
    }
    expect(differing).toEqual([]);
  });

  it('screens out no first character that a tag resolves, on the values of YAML 1.1 and 1.2', () => {
    const special = ['~', 'null', 'Null', 'NULL', '', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '0', '-0', '+1', '017', '0o17', '0x1F', '-0x10', '0b101', '1_000', '1e3', '+.5', '.5', '.5e3', '08', '1.5'];
    for (const text of special) {
      expect(resolvedByTags(text), text).not.toBe(text);
      expect(RESOLVED_FIRST.includes(text[0] ?? '~'), text).toBe(true);
      expect(Object.is(resolvePlain(text), resolvedByTags(text)), text).toBe(true);
    }
  });
});
