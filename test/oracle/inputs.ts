import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments, type Tags } from 'yaml';

/** Real public manifests (../shared/corpus/SOURCES.md), read at test time, never copied into the repository. */
export const CORPUS = resolve('../shared/corpus');
export const FIXTURES = resolve('fixtures');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** One object read from a file: where it comes from (`statefulsets/web.yaml#2`, document index from 1) and its value. */
export interface Input {
  source: string;
  object: Obj;
}

let corpus: Input[] | undefined;

/** Every object of ../shared/corpus/statefulsets and bulk (List items expanded), read once; [] without the corpus. */
export function corpusInputs(): Input[] {
  if (!existsSync(CORPUS)) return [];
  corpus ??= ['statefulsets', 'bulk'].flatMap((dir) => filesUnder(join(CORPUS, dir)).flatMap((file) => objectsOf(file, CORPUS)));
  return corpus;
}

/** Every object of the repository's fixtures/ (YAML and JSON; documents that do not parse are left out). */
export function fixtureInputs(): Input[] {
  return filesUnder(FIXTURES)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .flatMap((file) => objectsOf(file, resolve('.')));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * YAML as kubectl reads it (sigs.k8s.io/yaml, go-yaml v2: YAML 1.1 integers such as 0755 and booleans such as
 * `yes`), with timestamps left as strings, since both sides are sent the JSON kubectl would send.
 */
const KUBECTL_YAML = {
  version: '1.1',
  merge: true,
  customTags: (tags: Tags) => tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
} as const;

function objectsOf(file: string, base: string): Input[] {
  const inputs: Input[] = [];
  parseAllDocuments(readFileSync(file, 'utf8'), KUBECTL_YAML).forEach((doc, i) => {
    if (doc.errors.length > 0) return;
    const value: unknown = doc.toJS();
    const source = `${relative(base, file)}#${i + 1}`;
    if (!isObject(value)) return;
    const isList = typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
    if (!isList) inputs.push({ source, object: value });
    else value.items.forEach((item: unknown, j: number) => isObject(item) && inputs.push({ source: `${source}.items[${j}]`, object: item }));
  });
  return inputs;
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Kind name` of an object, for listings. */
export function describeObject(object: Obj): string {
  return `${object.kind ?? '?'} ${object.metadata?.name ?? object.metadata?.generateName ?? '?'}`;
}
