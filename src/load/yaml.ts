import type { DocumentOptions, ScalarTag, SchemaOptions } from 'yaml';

/**
 * kubectl and the API server read YAML with go-yaml v2 (through sigs.k8s.io/yaml), where the plain scalars
 * y, yes, on, n, no, off (in their spellings below) are booleans, as in YAML 1.1. Reading them the same way lets
 * the schema rule report `value: no` in an env var as kubectl would ("cannot unmarshal bool into ... string").
 */
const GO_YAML_BOOLEAN: ScalarTag = {
  identify: (value) => typeof value === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/,
  resolve: (text) => /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(text),
};

/**
 * How manifests are parsed: merge keys (`<<`) as kubectl reads them, go-yaml's scalars, and `logLevel: 'error'`
 * so that the yaml package prints no warnings (e.g. on collection keys) to stderr.
 */
export const PARSE_OPTIONS: DocumentOptions & SchemaOptions = { merge: true, logLevel: 'error', customTags: [GO_YAML_BOOLEAN] };

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
