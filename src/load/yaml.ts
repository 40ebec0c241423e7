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
