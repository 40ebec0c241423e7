import { Scalar, type DocumentOptions, type ScalarTag, type SchemaOptions, type Tags } from 'yaml';

/**
 * How kubectl and the API server read YAML: with go-yaml v2 (through sigs.k8s.io/yaml, its fork of go-yaml v2 in
 * goyaml.v2/resolve.go), which resolves plain scalars as YAML 1.1 does, not as the YAML 1.2 core schema of the
 * yaml package. The tags below replace the core schema's booleans, integers and floats where the two differ;
 * null, `.inf` and `.nan` are the same in both. Sexagesimal numbers (`1:30`) stay strings: go-yaml v2 leaves them
 * out on purpose. Dates (`2024-01-02`) stay strings here; go-yaml v2 reads them as timestamps, which the JSON
 * conversion writes back as RFC 3339 strings (`2024-01-02T00:00:00Z`).
 */

/**
 * The plain scalars y, yes, on, n, no, off (in their spellings below) are booleans, as in YAML 1.1. Reading them
 * the same way lets the schema rule report `value: no` in an env var as kubectl would ("cannot unmarshal bool into
 * ... string").
 */
const GO_YAML_BOOLEAN: ScalarTag = {
  identify: (value) => typeof value === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/,
  resolve: (text) => /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(text),
};

/**
 * Integers as go-yaml v2 reads them: a plain scalar starting with a sign or a digit, whose text without its `_`
 * is an integer in Go's syntax (strconv.ParseInt with base 0): `0b101`, `0o17`, `017` (octal: 15), `0x1F`,
 * decimal, each with an optional sign. So `0x1A` is 26 and `+1` is 1, as in YAML 1.2, but also `1_000` is 1000,
 * `-0x10` is -16 and `0b101` is 5, which YAML 1.2 reads as strings, and `010` is 8, which YAML 1.2 reads as 10.
 */
const GO_YAML_INT: ScalarTag = {
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^(?!_)[-+]?_*(?:0_*(?:[bB]_*[01][01_]*|[oO]_*[0-7][0-7_]*|[xX]_*[0-9a-fA-F][0-9a-fA-F_]*|[0-7_]*)|[1-9][0-9_]*)$/,
  resolve: (text) => goInteger(text.replace(/_/g, '')),
};

/**
 * Floats as go-yaml v2 reads them: a plain scalar starting with a sign or a digit whose text without its `_`
 * matches its float pattern (`1_000.5`, `08`, `1e3`, `+.5`), or one starting with `.` that Go's ParseFloat reads
 * (`.5`, `.5e3`; no `_` there). A float out of float64's range stays a string, as in go-yaml.
 */
const GO_YAML_FLOAT: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: /^(?:(?!_)(?=[-+0-9])[-+]?_*(?:\._*[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE]_*[-+]?_*[0-9][0-9_]*)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/,
  resolve: (text) => {
    const value = Number(text.replace(/_/g, ''));
    return Number.isFinite(value) ? value : new Scalar(text);
  },
};

/** The value of a Go integer literal with an optional sign (`-0x1A`, `017`, `0o17`, `0b1`, `42`), exactly then rounded to a double. */
function goInteger(plain: string): number {
  const negative = plain.startsWith('-');
  const digits = plain.replace(/^[-+]/, '');
  const prefixed = /^0[bBoOxX]/.test(digits) ? `0${digits[1].toLowerCase()}${digits.slice(2)}` : digits.length > 1 && digits.startsWith('0') ? `0o${digits.slice(1)}` : digits;
  const value = Number(BigInt(prefixed));
  return negative ? -value : value;
}

/** The core schema's tags with its integers and floats (all but `.inf`/`.nan`) replaced by go-yaml v2's, and its booleans extended. */
function goYamlTags(tags: Tags): Tags {
  const isCoreNumber = (tag: Tags[number]) =>
    typeof tag === 'object' && /^tag:yaml\.org,2002:(?:int|float)$/.test(tag.tag) && !('test' in tag && tag.test?.test('.nan'));
  return [...tags.filter((tag) => !isCoreNumber(tag)), GO_YAML_INT, GO_YAML_FLOAT, GO_YAML_BOOLEAN];
}

/**
 * How manifests are parsed: merge keys (`<<`) as kubectl reads them, go-yaml v2's scalars (above), and
 * `logLevel: 'error'` so that the yaml package prints no warnings (e.g. on collection keys) to stderr.
 */
export const PARSE_OPTIONS: DocumentOptions & SchemaOptions = { merge: true, logLevel: 'error', customTags: goYamlTags };

/** A syntax error as stslint reports it: where ([start, end) offsets of the text) and what, in stslint's words. */
export interface ParseProblem {
  code: string;
  pos: [number, number];
  message: string;
}

const CONTINUED_LINE = "Mapping value not allowed here: this line is read as part of the value on the line above (is it indented too far?)";

/**
 * The yaml package's errors of one document, placed and worded as a user needs them. A line indented one column
 * deeper than its siblings (`  name: a` then `   namespace: b`) makes the value above it a multi-line key; the
 * package reports that on the line above (BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY, both starting at the
 * value), where kubectl (go-yaml) names the line of the offending `:` ("mapping values are not allowed in this
 * context"). That pair becomes one error at the `:`. Other errors are kept as they are.
 */
export function syntaxErrors(errors: readonly { code: string; pos: [number, number]; message: string }[]): ParseProblem[] {
  const continued = new Set(errors.filter((error) => error.code === 'MULTILINE_IMPLICIT_KEY').map((error) => error.pos[0]));
  return errors.flatMap(({ code, pos, message }): ParseProblem[] => {
    if (code === 'BLOCK_AS_IMPLICIT_KEY' && continued.has(pos[0])) return [];
    if (code === 'MULTILINE_IMPLICIT_KEY') return [{ code, pos: [pos[1], pos[1] + 1], message: CONTINUED_LINE }];
    return [{ code, pos, message }];
  });
}
